package io.certdesk.order.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Invoice totals and the qualified-invoice tax breakdown per rate. */
class InvoiceMathTest {

    private static InvoiceView.Line line(int pos, LineKind kind, long amount, int rate) {
        TaxCategory category = rate == 0 ? TaxCategory.NON_TAXABLE : rate == 8 ? TaxCategory.REDUCED : TaxCategory.STANDARD;
        return new InvoiceView.Line(pos, kind, "x", amount, rate, category);
    }

    @Test
    void newDvCertificateWithServerFee() {
        List<InvoiceView.Line> lines = List.of(
                line(1, LineKind.CA_FEE, 38_500, 10),
                line(2, LineKind.SETUP_FEE, 23_100, 10),
                line(3, LineKind.EXTRA, 16_500, 10));
        assertEquals(78_100, InvoiceMath.total(lines));
        assertEquals(List.of(new InvoiceView.TaxBreakdown(TaxCategory.STANDARD, 10, 78_100, 7_100)), InvoiceMath.breakdown(lines));
    }

    @Test
    void renewalTaxIsTakenOnTheRateTotalNotPerLine() {
        List<InvoiceView.Line> lines = List.of(
                line(1, LineKind.CA_FEE, 10_500, 10),     // 954.5
                line(2, LineKind.SETUP_FEE, 10_500, 10),  // 954.5
                line(3, LineKind.EXTRA, 10_500, 10));     // 954.5
        // per line it would be 2,862; once on the total 31,500 it is 2,863
        assertEquals(List.of(new InvoiceView.TaxBreakdown(TaxCategory.STANDARD, 10, 31_500, 2_863)), InvoiceMath.breakdown(lines));
    }

    @Test
    void mixedCategoriesAreBrokenDownStandardReducedThenNonTaxable() {
        List<InvoiceView.Line> lines = List.of(
                line(1, LineKind.CA_FEE, 33_000, 10),
                line(2, LineKind.SETUP_FEE, 10_500, 10),
                line(3, LineKind.EXTRA, 1_079, 8),
                line(4, LineKind.EXTRA, 500, 0));
        assertEquals(45_079, InvoiceMath.total(lines));
        assertEquals(List.of(
                new InvoiceView.TaxBreakdown(TaxCategory.STANDARD, 10, 43_500, 3_954),
                new InvoiceView.TaxBreakdown(TaxCategory.REDUCED, 8, 1_079, 79),
                new InvoiceView.TaxBreakdown(TaxCategory.NON_TAXABLE, 0, 500, 0)), InvoiceMath.breakdown(lines));
    }

    @Test
    void oneCategoryAtTwoRatesIsRefused() {
        List<InvoiceView.Line> lines = List.of(
                new InvoiceView.Line(1, LineKind.CA_FEE, "x", 1_000, 10, TaxCategory.STANDARD),
                new InvoiceView.Line(2, LineKind.EXTRA, "x", 1_000, 5, TaxCategory.STANDARD));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> InvoiceMath.breakdown(lines));
    }
}
