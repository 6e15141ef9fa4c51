package io.certdesk.order.invoice;

import io.certdesk.order.fee.Tax;
import java.util.List;
import java.util.Map;

/** Invoice totals: sum the tax-included lines per rate, then take the contained tax of each rate's sum once. */
public final class InvoiceMath {

    private InvoiceMath() {
    }

    /**
     * Per category, as the qualified-invoice rules require it printed: the standard rate, the reduced rate, then
     * the non-taxable lines (no tax). The tax of each category is taken once from its total.
     */
    public static List<InvoiceView.TaxBreakdown> breakdown(List<InvoiceView.Line> lines) {
        Map<TaxCategory, long[]> byCategory = new java.util.EnumMap<>(TaxCategory.class);
        for (InvoiceView.Line l : lines) {
            long[] sum = byCategory.computeIfAbsent(l.taxCategory(), c -> new long[] {l.taxRatePercent(), 0});
            if (sum[0] != l.taxRatePercent()) {
                throw new IllegalArgumentException("lines of " + l.taxCategory() + " at " + sum[0] + "% and "
                        + l.taxRatePercent() + "% on one invoice");
            }
            sum[1] = Math.addExact(sum[1], l.amountJpy());
        }
        return byCategory.entrySet().stream()
                .map(e -> new InvoiceView.TaxBreakdown(e.getKey(), (int) e.getValue()[0], e.getValue()[1],
                        e.getKey() == TaxCategory.NON_TAXABLE ? 0 : Tax.contained(e.getValue()[1], (int) e.getValue()[0])))
                .toList();
    }

    public static long total(List<InvoiceView.Line> lines) {
        return lines.stream().mapToLong(InvoiceView.Line::amountJpy).reduce(0L, Math::addExact);
    }
}
