package io.certdesk.order.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Invoice totals and the qualified-invoice tax breakdown per rate. */
class InvoiceMathTest {

    private static InvoiceView.Line line(int pos, LineKind kind, long amount, int rate) {
        return new InvoiceView.Line(pos, kind, "x", amount, rate);
    }

    @Test
    void newDvCertificateWithServerFee() {
        List<InvoiceView.Line> lines = List.of(
                line(1, LineKind.CA_FEE, 38_500, 10),
                line(2, LineKind.SETUP_FEE, 23_100, 10),
                line(3, LineKind.EXTRA, 16_500, 10));
        assertEquals(78_100, InvoiceMath.total(lines));
        assertEquals(List.of(new InvoiceView.TaxBreakdown(10, 78_100, 7_100)), InvoiceMath.breakdown(lines));
    }

    @Test
    void renewalTaxIsTakenOnTheRateTotalNotPerLine() {
        List<InvoiceView.Line> lines = List.of(
                line(1, LineKind.CA_FEE, 10_500, 10),     // 954.5
                line(2, LineKind.SETUP_FEE, 10_500, 10),  // 954.5
                line(3, LineKind.EXTRA, 10_500, 10));     // 954.5
        // per line it would be 2,862; once on the total 31,500 it is 2,863
        assertEquals(List.of(new InvoiceView.TaxBreakdown(10, 31_500, 2_863)), InvoiceMath.breakdown(lines));
    }

    @Test
    void mixedRatesAreBrokenDownHighestFirst() {
        List<InvoiceView.Line> lines = List.of(
                line(1, LineKind.CA_FEE, 33_000, 10),
                line(2, LineKind.SETUP_FEE, 10_500, 10),
                line(3, LineKind.EXTRA, 1_079, 8),
                line(4, LineKind.EXTRA, 500, 0));
        assertEquals(45_079, InvoiceMath.total(lines));
        assertEquals(List.of(
                new InvoiceView.TaxBreakdown(10, 43_500, 3_954),
                new InvoiceView.TaxBreakdown(8, 1_079, 79),
                new InvoiceView.TaxBreakdown(0, 500, 0)), InvoiceMath.breakdown(lines));
    }
}
