package io.certdesk.order.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Transfer names as banks print them against customers' kana names. */
class PayerNamesTest {

    @Test
    void halfWidthBankKanaWithTheLegalFormMatchesTheCustomersSpelledOutKana() {
        String customer = PayerNames.key("カブシキガイシャサンプル");
        assertEquals("サンプル", customer);
        assertEquals(customer, PayerNames.parse("ｶ)ｻﾝﾌﾟﾙ").key());
        assertEquals(customer, PayerNames.parse("ｻﾝﾌﾟﾙ(ｶ").key());
        assertEquals(customer, PayerNames.parse("ｻﾝﾌﾟﾙ (ｶ)").key());
        assertEquals(customer, PayerNames.parse("カ）サンプル").key());
        assertEquals(PayerNames.key("ユウゲンガイシャ　テスト"), PayerNames.parse("ﾕ)ﾃｽﾄ").key());
    }

    @Test
    void smallKanaLongVowelsAndSpacesAreWrittenOneWay() {
        // banks print ｼﾔ for シャ and ｰ or - for ー
        assertEquals(PayerNames.key("ジャパンサーバー"), PayerNames.parse("ｼﾞﾔﾊﾟﾝ ｻ-ﾊﾞ-").key());
        assertEquals(PayerNames.key("キャッシュ"), PayerNames.parse("ｷﾔﾂｼﾕ").key());
        assertNotEquals(PayerNames.key("サンプル"), PayerNames.parse("ｻﾝﾌﾟﾙﾄﾚｰﾃﾞｨﾝｸﾞ").key());
    }

    @Test
    void aLeadingNumberIsTakenApartAsTheInvoiceHint() {
        PayerNames.Parsed p = PayerNames.parse("42 ｶ)ｻﾝﾌﾟﾙ");
        assertEquals("42", p.hint());
        assertEquals("サンプル", p.key());
        assertEquals("42", PayerNames.parse("0042ｶ)ｻﾝﾌﾟﾙ").hint());
        assertNull(PayerNames.parse("ｶ)ｻﾝﾌﾟﾙ").hint());
        // a name that is only digits is a name, not a hint
        assertNull(PayerNames.parse("1234").hint());
    }
}
