package io.certdesk.order.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How typed Japanese becomes its one stored form. */
class JapaneseInputTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ｶﾌﾞｼｷｶﾞｲｼｬｻﾝﾌﾟﾙ|カブシキガイシャサンプル",
        "ｶｼｷ|カシキ",
        "ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄｰ|カブシキガイシャ テストー",
        "かぶしきがいしゃさんぷる|カブシキガイシャサンプル",
        "カブシキガイシャ　サンプル|カブシキガイシャ サンプル",
        "ｶ)ｻﾝﾌﾟﾙ|カ)サンプル",
        "ＡＢＣｼｮｳｼﾞ|ABCショウジ"
    })
    void kana(String typed, String stored) {
        assertEquals(stored, JapaneseInput.kana(typed));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "100-0001|100-0001",
        "1000001|100-0001",
        "〒100-0001|100-0001",
        "〒１００－０００１|100-0001",
        "１００ー０００１|100-0001",
        "100‐0001|100-0001",
        " 100 0001 |100-0001",
        "1000|1000",
        "100-00011|100-00011"
    })
    void postalCode(String typed, String stored) {
        assertEquals(stored, JapaneseInput.postalCode(typed));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "03-1234-5678|03-1234-5678",
        "03(1234)5678|03-1234-5678",
        "０３（１２３４）５６７８|03-1234-5678",
        "０３－１２３４－５６７８|03-1234-5678",
        "03 1234 5678|03-1234-5678",
        "(03)1234-5678|03-1234-5678",
        "0312345678|0312345678",
        "+81 3-1234-5678|+81-3-1234-5678",
        "090ー1234ー5678|090-1234-5678"
    })
    void phone(String typed, String stored) {
        assertEquals(stored, JapaneseInput.phone(typed));
    }
}
