package io.certdesk.order.invoice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.fee.BillingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The invoice PDF read back with a real PDF tool (pdftotext from Debian's poppler-utils). */
public class InvoicePdfTest {

    /** A made-up account (a proxy: a class implementing the validated config interface would be intercepted). */
    static final BillingConfig.Bank BANK = (BillingConfig.Bank) java.lang.reflect.Proxy.newProxyInstance(
            BillingConfig.class.getClassLoader(), new Class<?>[] {BillingConfig.Bank.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "name" -> "さくら銀行";
                case "branch" -> "本店営業部（店番号100）";
                case "accountType" -> "普通";
                case "accountNumber" -> "1234567";
                case "accountHolder" -> "サーテイデスク（カ";
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static final InvoicePdf PDF = new InvoicePdf();

    static InvoicePdf.Facts facts(List<InvoiceView.Line> lines) {
        return new InvoicePdf.Facts("INV-2026-000042", "株式会社サンプル", "certdesk株式会社", "〒100-0001 東京都千代田区千代田1-1",
                "T7123456789012", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15), 77, lines,
                InvoiceMath.breakdown(lines), InvoiceMath.total(lines), BANK,
                "お振込手数料は貴社にてご負担くださいますようお願い申し上げます。");
    }

    public static String pdftotext(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("invoice", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "pdftotext did not finish");
            assertEquals(0, p.exitValue(), text);
            return text;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theQualifiedInvoiceSaysWhatTheRulesAskAndARealPdfToolReadsIt() throws Exception {
        List<InvoiceView.Line> lines = List.of(
                new InvoiceView.Line(1, LineKind.CA_FEE, "SSL申請料 GlobalSign DV 1年 (www.example.co.jp)", 38_500, 10, TaxCategory.STANDARD),
                new InvoiceView.Line(2, LineKind.SETUP_FEE, "新規 設定作業及び申請代行手数料", 23_100, 10, TaxCategory.STANDARD),
                new InvoiceView.Line(3, LineKind.EXTRA, "来客用飲料（ミネラルウォーター）", 1_080, 8, TaxCategory.REDUCED),
                new InvoiceView.Line(4, LineKind.EXTRA, "収入印紙代（立替金）", 200, 0, TaxCategory.NON_TAXABLE));
        byte[] pdf = PDF.invoice(facts(lines));
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        String text = pdftotext(pdf);
        assertTrue(text.matches("(?s).*株式会社サンプル\\s+御中.*"), text);
        assertTrue(text.matches("(?s).*※\\s*来客用飲料.*"), text);
        for (String expected : List.of("請求書", "適格請求書", "certdesk株式会社",
                "登録番号：T7123456789012", "発行日：2026年12月1日", "お支払期限：2026年12月15日", "請求書番号：INV-2026-000042",
                "62,880円", "10%対象", "61,600円（うち消費税 5,600円）", "8%対象（※軽減税率対象）", "1,080円（うち消費税 80円）",
                "非課税", "200円", "※は軽減税率対象であることを示します。", "さくら銀行", "口座番号 1234567",
                "サーテイデスク（カ", "お振込手数料は貴社にてご負担")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
        assertFalse(text.matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), "no ISO dates reach the customer:\n" + text);
    }

    @Test
    void aCharacterTheFontLacksOrALineBreakNeverStopsAnInvoice() throws Exception {
        List<InvoiceView.Line> lines = List.of(new InvoiceView.Line(1, LineKind.EXTRA, "保守作業\n（12月分）😀", 5_500, 10,
                TaxCategory.STANDARD));
        InvoicePdf.Facts f = facts(lines);
        InvoicePdf.Facts rare = new InvoicePdf.Facts(f.number(), "𠮷田商事株式会社", f.issuerName(), f.issuerAddress(),
                f.registrationNumber(), f.issueDate(), f.dueDate(), f.orderId(), f.lines(), f.taxes(), f.totalJpy(),
                f.bank(), f.transferFeeNote());
        String text = pdftotext(PDF.invoice(rare));
        assertTrue(text.contains("〓田商事株式会社") && text.contains("保守作業 （12月分）〓"), text);
    }

    @Test
    void theSameInvoiceRendersTheSameDocument() {
        List<InvoiceView.Line> lines = List.of(
                new InvoiceView.Line(1, LineKind.CA_FEE, "SSL申請料", 38_500, 10, TaxCategory.STANDARD));
        assertArrayEquals(PDF.invoice(facts(lines)), PDF.invoice(facts(lines)));
    }

    @Test
    void manyLongLinesContinueOnANewPageWithNothingLost() throws Exception {
        List<InvoiceView.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            lines.add(new InvoiceView.Line(i, LineKind.EXTRA, "専用サーバー利用料 2026年12月分 ラック" + i + " 追加IPアドレス・バックアップ領域・"
                    + "監視オプションを含む長い品目名の折り返しを確かめるための説明文です（項目" + i + "）", 1_000 + i, 10, TaxCategory.STANDARD));
        }
        String text = pdftotext(PDF.invoice(facts(lines)));
        assertTrue(text.contains("（続き）"), text);
        for (int i = 1; i <= 22; i++) {
            assertTrue(text.contains(String.format("%,d円", 1_000 + i)), "line " + i + " is missing:\n" + text);
        }
    }
}
