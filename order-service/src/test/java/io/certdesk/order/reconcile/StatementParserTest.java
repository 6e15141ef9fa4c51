package io.certdesk.order.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.platform.DomainException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bank statement CSV as Japanese banks export it. */
class StatementParserTest {

    @Test
    void aShiftJisStatementWithWithdrawalsAndQuotedAmountsGivesItsCredits() {
        String csv = "取引日,摘要,お支払金額,お預り金額,差引残高,照会番号\r\n"
                + "2026/12/01,ｶ)ｻﾝﾌﾟﾙ,,\"49,000\",\"1,049,000\",A001\r\n"
                + "2026/12/01,ﾃﾞﾝｷﾀﾞｲ,\"12,000\",,\"1,037,000\",A002\r\n"
                + "R8.12.2,\"42 ｶ)ﾃｽﾄ\",,48560,\"1,085,560\",\r\n";
        List<StatementParser.Credit> credits = StatementParser.parse(csv.getBytes(Charset.forName("Windows-31J")));
        assertEquals(2, credits.size(), "the withdrawal is not a credit");
        assertEquals(new StatementParser.Credit(2, LocalDate.of(2026, 12, 1), 49_000, "ｶ)ｻﾝﾌﾟﾙ", "A001"), credits.get(0));
        assertEquals(new StatementParser.Credit(4, LocalDate.of(2026, 12, 2), 48_560, "42 ｶ)ﾃｽﾄ", null), credits.get(1));
    }

    @Test
    void utf8WithABomAndOtherColumnNamesAndDateFormats() {
        String csv = "\uFEFF日付,振込依頼人名,入金額\n2026-12-03,サンプル（カ,1000\n2026年12月4日,ﾃｽﾄ,2000\n20261205,ﾃｽﾄ,3000\n";
        List<StatementParser.Credit> credits = StatementParser.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 5)),
                credits.stream().map(StatementParser.Credit::valueDate).toList());
    }

    @Test
    void columnsNamedWithTheirUnitAreRecognised() {
        for (String header : List.of("日付,振込依頼人名,入金金額(円)", "日付,振込依頼人名,お預り金額（円）")) {
            List<StatementParser.Credit> credits = StatementParser.parse((header + "\n2026/12/03,ｶ)ｻﾝﾌﾟﾙ,1000\n")
                    .getBytes(StandardCharsets.UTF_8));
            assertEquals(1000, credits.get(0).amountJpy(), header);
        }
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeNamingTheRows() {
        for (String bad : List.of("", "a,b,c\n1,2,3\n", "取引日,摘要,入金額\n2026/02/30,ｶ)ｻﾝﾌﾟﾙ,100\n",
                "取引日,摘要,入金額\n2026/12/01,ｶ)ｻﾝﾌﾟﾙ,12.5\n", "取引日,摘要,入金額\n2026/12/01,,100\n",
                "取引日,摘要,入金額\n2026/12/01,\"ｶ)ｻﾝﾌﾟﾙ,100\n")) {
            DomainException e = assertThrows(DomainException.class,
                    () -> StatementParser.parse(bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertTrue(e.getMessage().startsWith("statement: "), e.getMessage());
        }
        DomainException e = assertThrows(DomainException.class, () -> StatementParser.parse(
                "取引日,摘要,入金額\n2026/12/01,ｶ)ｻﾝﾌﾟﾙ,100\n2026/13/01,ｶ)ｻﾝﾌﾟﾙ,100\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("row 3"), e.getMessage());
        assertThrows(DomainException.class, () -> StatementParser.parse(new byte[] {(byte) 0x81, (byte) 0x00, (byte) 0xFF}));
    }
}
