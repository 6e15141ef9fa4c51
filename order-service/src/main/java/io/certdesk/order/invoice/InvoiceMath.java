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

    /**
     * Splits {@code amountJpy} of an invoice's price over its tax categories in proportion to their totals (the last
     * category takes what rounding leaves), with the tax each part contains: what a refund of part of the price
     * returns per rate.
     */
    public static List<InvoiceView.TaxBreakdown> allocate(List<InvoiceView.TaxBreakdown> breakdown, long amountJpy) {
        long total = breakdown.stream().mapToLong(InvoiceView.TaxBreakdown::totalJpy).sum();
        if (amountJpy < 0 || amountJpy > total) {
            throw new IllegalArgumentException(amountJpy + " JPY is not part of a price of " + total + " JPY");
        }
        List<InvoiceView.TaxBreakdown> out = new java.util.ArrayList<>();
        long left = amountJpy;
        for (int i = 0; i < breakdown.size(); i++) {
            InvoiceView.TaxBreakdown b = breakdown.get(i);
            long part = i == breakdown.size() - 1 ? left
                    : java.math.BigInteger.valueOf(amountJpy).multiply(java.math.BigInteger.valueOf(b.totalJpy()))
                            .divide(java.math.BigInteger.valueOf(total)).longValueExact();
            left -= part;
            if (part > 0) {
                out.add(new InvoiceView.TaxBreakdown(b.taxCategory(), b.taxRatePercent(), part,
                        b.taxCategory() == TaxCategory.NON_TAXABLE ? 0 : Tax.contained(part, b.taxRatePercent())));
            }
        }
        return out;
    }

    public static long total(List<InvoiceView.Line> lines) {
        return lines.stream().mapToLong(InvoiceView.Line::amountJpy).reduce(0L, Math::addExact);
    }
}
