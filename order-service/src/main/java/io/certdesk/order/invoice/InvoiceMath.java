package io.certdesk.order.invoice;

import io.certdesk.order.fee.Tax;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Invoice totals: sum the tax-included lines per rate, then take the contained tax of each rate's sum once. */
public final class InvoiceMath {

    private InvoiceMath() {
    }

    /** Per rate, highest rate first, as the qualified-invoice rules require it printed. */
    public static List<InvoiceView.TaxBreakdown> breakdown(List<InvoiceView.Line> lines) {
        Map<Integer, Long> byRate = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (InvoiceView.Line l : lines) {
            byRate.merge(l.taxRatePercent(), l.amountJpy(), Math::addExact);
        }
        return byRate.entrySet().stream()
                .map(e -> new InvoiceView.TaxBreakdown(e.getKey(), e.getValue(), Tax.contained(e.getValue(), e.getKey())))
                .toList();
    }

    public static long total(List<InvoiceView.Line> lines) {
        return lines.stream().mapToLong(InvoiceView.Line::amountJpy).reduce(0L, Math::addExact);
    }
}
