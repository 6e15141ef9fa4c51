package io.certdesk.order.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.platform.DomainException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 全銀協 fixed-length statement (振込入金通知 01, 入出金取引明細 03) read field by field. */
class ZenginStatementTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void aTransferNoticeWithoutLineBreaksGivesItsCreditsWithReiwaDates() {
        byte[] file = new ZenginFile("081203", "").credit("1", "081201", 78_100, "ｶ)ｻﾝﾌﾟﾙｼｮｳｼﾞ")
                .credit("42", "081203", 77_660, "ﾀﾅｶ ﾀﾛｳ").close();
        assertEquals(5 * 200, file.length, "header, two credits, trailer, end; no line breaks");
        List<StatementParser.Credit> credits = StatementParser.parse(file, TODAY);
        assertEquals(List.of(
                new StatementParser.Credit(2, LocalDate.of(2026, 12, 1), 78_100, "ｶ)ｻﾝﾌﾟﾙｼｮｳｼﾞ", "1"),
                new StatementParser.Credit(3, LocalDate.of(2026, 12, 3), 77_660, "ﾀﾅｶ ﾀﾛｳ", "42")), credits);
    }

    @Test
    void oneRecordPerLineAndWesternTwoDigitYearsAreReadToo() {
        // some banks write 西暦 YY: 26 as 令和26 would be 2044, years after the file was made in 2026
        byte[] file = new ZenginFile("261203", "\r\n").credit("7", "261202", 1_000, "ｶ)ﾃｽﾄ").close();
        List<StatementParser.Credit> credits = StatementParser.parse(file, TODAY);
        assertEquals(LocalDate.of(2026, 12, 2), credits.get(0).valueDate());
        assertEquals(1, credits.size());
    }

    @Test
    void aMovementStatementGivesOnlyItsCredits() {
        Charset jis = Charset.forName("Windows-31J");
        StringBuilder f = new StringBuilder();
        f.append(pad("1030" + "081203" + "081201" + "081203" + "0005", 200));
        f.append(movement("00000101", '1', "12", 55_000, "ｶ)ｻﾝﾌﾟﾙ"));
        f.append(movement("00000102", '2', "12", 12_000, "ﾃﾞﾝｷﾀﾞｲ"));
        f.append(pad("8", 200)).append(pad("9", 200));
        List<StatementParser.Credit> credits = StatementParser.parse(f.toString().getBytes(jis), TODAY);
        assertEquals(List.of(new StatementParser.Credit(2, LocalDate.of(2026, 12, 1), 55_000, "ｶ)ｻﾝﾌﾟﾙ", "101")),
                credits);
        String corrected = f.toString().replace(movement("00000101", '1', "12", 55_000, "ｶ)ｻﾝﾌﾟﾙ"),
                movement("00000101", '1', "19", 55_000, "ｶ)ｻﾝﾌﾟﾙ"));
        DomainException e = assertThrows(DomainException.class,
                () -> StatementParser.parse(corrected.getBytes(jis), TODAY));
        assertTrue(e.getMessage().contains("取引区分 19"), e.getMessage());
    }

    @Test
    void aTruncatedAlteredOrCorrectingFileIsRefusedWhole() {
        ZenginFile ok = new ZenginFile("081203", "").credit("1", "081201", 78_100, "ｶ)ｻﾝﾌﾟﾙ");
        byte[] good = ok.close();
        // the trailer does not match the records: an altered amount
        byte[] altered = new ZenginFile("081203", "").credit("1", "081201", 78_100, "ｶ)ｻﾝﾌﾟﾙ").close(1, 78_000);
        assertRefused(altered, "the trailer says 1 credits of 78000 yen");
        // cut in the middle of a record, and without its trailer
        assertRefused(Arrays.copyOf(good, 300), "not 200");
        assertRefused(Arrays.copyOf(good, 400), "trailer");
        // a cancellation of an earlier credit
        assertRefused(new ZenginFile("081203", "").credit("1", "081201", 78_100, "ｶ)ｻﾝﾌﾟﾙ", "1").close(), "取消区分 1");
        // a day that does not exist, and an amount that is not a number
        assertRefused(new ZenginFile("081203", "").credit("1", "080230", 100, "ｶ)ｻﾝﾌﾟﾙ").close(), "勘定日 '080230'");
        byte[] letters = good.clone();
        letters[200 + 25] = 'X';
        assertRefused(letters, "金額");
        // EBCDIC, and a kind that holds no credits (総合振込 21)
        byte[] ebcdic = good.clone();
        ebcdic[3] = '1';
        assertRefused(ebcdic, "EBCDIC");
        byte[] transferOrder = good.clone();
        transferOrder[1] = '2';
        transferOrder[2] = '1';
        assertRefused(transferOrder, "種別コード 21");
    }

    private static void assertRefused(byte[] file, String expected) {
        DomainException e = assertThrows(DomainException.class, () -> StatementParser.parse(file, TODAY));
        assertTrue(e.getMessage().startsWith("statement: 全銀協 file: ") && e.getMessage().contains(expected),
                e.getMessage());
    }

    private static String movement(String reference, char direction, String trade, long amount, String payer) {
        String r = "2" + reference + "081201" + "081201" + direction + trade + ZenginFile.num(amount, 12)
                + ZenginFile.num(0, 12) + "000000" + "000000" + "0" + "0000000" + "000" + ZenginFile.num(0, 10)
                + ZenginFile.text(payer, 48) + ZenginFile.text("ﾐｽﾞﾎ", 15) + ZenginFile.text("ｼﾌﾞﾔ", 15)
                + ZenginFile.text("ﾌﾘｺﾐ", 20) + ZenginFile.text("", 20) + " ";
        return r;
    }

    private static String pad(String s, int width) {
        return ZenginFile.text(s, width);
    }
}
