package io.certdesk.order.invoice;

import io.certdesk.order.calendar.BusinessDays;
import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.fee.JapaneseText;
import io.certdesk.order.platform.Digests;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Offload;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Issues prepaid invoices and shows them; payments are applied by the payment service. */
@ApplicationScoped
public class InvoiceService {

    /** invoice_line.description is varchar(500) (V7). */
    static final int MAX_LINE_DESCRIPTION = 500;

    /** The listing's filters; null means any. */
    public record Filter(String customerId, Long orderId, InvoiceStatus status, LocalDate dueDateFrom,
            LocalDate dueDateTo) {
    }

    private static final Map<String, String> SORTS = Map.of("dueDate", "dueDate", "issueDate", "issueDate",
            "number", "number", "totalJpy", "totalJpy", "id", "id");

    private final InvoiceRepository invoices;
    private final InvoiceCounterRepository counters;
    private final BillingConfig billing;

    private final InvoiceDocumentRepository documents;
    private final InvoicePdf pdf;
    private final BusinessDays days;

    public InvoiceService(InvoiceRepository invoices, InvoiceCounterRepository counters, BillingConfig billing,
            InvoiceDocumentRepository documents, InvoicePdf pdf, BusinessDays days) {
        this.days = days;
        this.documents = documents;
        this.pdf = pdf;
        this.invoices = invoices;
        this.counters = counters;
        this.billing = billing;
    }

    /** What to bill: the quote's frozen fees plus any extra prepaid charges; runs in the caller's transaction. */
    public record Billing(long orderId, String customerId, String recipientName, String productName, String domain,
            long applicationFeeJpy, long setupFeeJpy, int taxRatePercent, boolean renewal, List<ExtraCharge> extras) {
    }

    /** An issued invoice, the tax it contains, and the PDF delivered for it. */
    public record Issued(Invoice invoice, long containedTaxJpy, long documentId) {
    }

    public Uni<Issued> issue(Billing b) {
        List<InvoiceView.Line> lines = new ArrayList<>();
        // the fees were quoted at the standard rate of their day, which the quote froze
        lines.add(new InvoiceView.Line(1, LineKind.CA_FEE, caFeeDescription(b.productName(), b.domain()),
                b.applicationFeeJpy(), b.taxRatePercent(), TaxCategory.STANDARD));
        lines.add(new InvoiceView.Line(2, LineKind.SETUP_FEE,
                (b.renewal() ? "更新時 " : "新規 ") + "設定作業及び申請代行手数料", b.setupFeeJpy(), b.taxRatePercent(),
                TaxCategory.STANDARD));
        for (ExtraCharge x : b.extras()) {
            int rate = x.category() == TaxCategory.STANDARD ? b.taxRatePercent() : x.category().rate(billing);
            lines.add(new InvoiceView.Line(lines.size() + 1, LineKind.EXTRA, x.description().strip(), x.amountJpy(),
                    rate, x.category()));
        }
        LocalDate today = LocalDate.now(billing.zone());
        return counters.next(today.getYear()).flatMap(n -> {
            Invoice i = new Invoice();
            i.number = String.format("INV-%d-%06d", today.getYear(), n);
            i.orderId = b.orderId();
            i.customerId = b.customerId();
            i.issueDate = today;
            // due after the configured days, on a day the banks take transfers
            i.dueDate = days.onOrAfter(today.plusDays(billing.invoiceDueDays()));
            i.registrationNumber = billing.registrationNumber();
            i.issuerName = billing.issuerName();
            i.recipientName = b.recipientName();
            i.totalJpy = InvoiceMath.total(lines);
            i.status = InvoiceStatus.OPEN;
            i.createdAt = Times.now();
            return invoices.persistAndFlush(i);
        }).flatMap(i -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (InvoiceView.Line l : lines) {
                InvoiceLine line = new InvoiceLine();
                line.invoiceId = i.id;
                line.position = l.position();
                line.kind = l.kind();
                line.description = l.description();
                line.amountJpy = l.amountJpy();
                line.taxRatePercent = l.taxRatePercent();
                line.taxCategory = l.taxCategory();
                chain = chain.flatMap(v -> invoices.getSession().flatMap(s -> s.persist(line)));
            }
            long tax = InvoiceMath.breakdown(lines).stream().mapToLong(InvoiceView.TaxBreakdown::containedTaxJpy).sum();
            return chain.flatMap(v -> invoices.flush()).flatMap(v -> render(i, lines))
                    .map(d -> new Issued(i, tax, d.id));
        });
    }

    /**
     * The invoice as the customer receives it, rendered once (off the event loop) and stored with the invoice in
     * the caller's transaction: a later change of the customer, the bank account or the layout never changes it.
     */
    private Uni<InvoiceDocument> render(Invoice i, List<InvoiceView.Line> lines) {
        InvoicePdf.Facts facts = new InvoicePdf.Facts(i.number, i.recipientName, i.issuerName,
                billing.issuerAddress().orElse(null), i.registrationNumber, i.issueDate, i.dueDate, i.orderId, lines,
                InvoiceMath.breakdown(lines), i.totalJpy, billing.bank(), billing.transferFeeNote());
        return Offload.cpu(() -> pdf.invoice(facts)).flatMap(bytes -> {
            InvoiceDocument d = new InvoiceDocument();
            d.invoiceId = i.id;
            d.kind = InvoiceDocument.Kind.INVOICE;
            d.fileName = i.number + ".pdf";
            d.pdf = bytes;
            d.sha256 = Digests.sha256Hex(bytes);
            d.createdAt = Times.now();
            return documents.persist(d);
        });
    }

    /** The PDF delivered for the invoice; 404 for another customer's invoice. */
    @WithSession
    public Uni<InvoiceDocument> document(long id, String scope) {
        return invoices.findById(id)
                .map(i -> i == null || (scope != null && !scope.equals(i.customerId)) ? null : i)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Invoice", id))
                .flatMap(i -> documents.of(i.id, InvoiceDocument.Kind.INVOICE))
                .onItem().ifNull().failWith(() -> DomainException.notFound("Invoice document", id));
    }

    /** The PDFs delivered for the invoice (the invoice, its cancellation, refunds); 404 for another customer's. */
    @WithSession
    public Uni<List<InvoiceDocumentView>> documents(long id, String scope) {
        return invoices.findById(id)
                .map(i -> i == null || (scope != null && !scope.equals(i.customerId)) ? null : i)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Invoice", id))
                .flatMap(i -> documents.listed(i.id));
    }

    /** One PDF delivered for the invoice; 404 for another invoice's or another customer's. */
    @WithSession
    public Uni<InvoiceDocument> document(long id, long documentId, String scope) {
        return invoices.findById(id)
                .map(i -> i == null || (scope != null && !scope.equals(i.customerId)) ? null : i)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Invoice", id))
                .flatMap(i -> documents.findById(documentId))
                .map(d -> d == null || d.invoiceId != id ? null : d)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Invoice document", documentId));
    }

    /** The invoice document of invoice {@code id}; caller's session. */
    public Uni<InvoiceDocument> documentOf(long id) {
        return documents.of(id, InvoiceDocument.Kind.INVOICE);
    }

    /**
     * The CA-fee line: product and domain, cut (never inside a surrogate pair) to what the column holds. Both
     * inputs are bounded (200 + 253) so the cut is only a safety net.
     */
    static String caFeeDescription(String productName, String domain) {
        String text = "SSL申請料 " + productName + " (" + domain + ")";
        if (text.length() <= MAX_LINE_DESCRIPTION) {
            return text;
        }
        int end = MAX_LINE_DESCRIPTION - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** An invoice settled by a cancellation, and the cancellation notice (取消) delivered for it. */
    public record Cancelled(Invoice invoice, long documentId) {
    }

    /**
     * Settles the invoice of an order being cancelled; runs in the caller's transaction on a locked order. Nothing
     * received: VOID. Money received (applied or overpaid): REFUND_DUE, all of it to be refunded. Either way the
     * customer gets a notice that the invoice is cancelled (a PDF kept as delivered). Null without an invoice or
     * when it was settled before.
     */
    public Uni<Cancelled> settleCancelled(long orderId) {
        return invoices.ofOrder(orderId).flatMap(i -> {
            if (i == null || i.status.cancelled()) {
                return Uni.createFrom().nullItem();
            }
            i.status = i.paidJpy == 0 && i.overpaidJpy == 0 ? InvoiceStatus.VOID : InvoiceStatus.REFUND_DUE;
            return invoices.flush().flatMap(v -> invoices.lines(i.id)).flatMap(lines -> {
                List<InvoiceView.Line> shown = InvoiceView.lines(lines);
                LocalDate today = LocalDate.now(billing.zone());
                List<String> closing = new ArrayList<>();
                closing.add("上記の請求書は、ご注文の取消しに伴い取り消しました。本書をもって当該請求書は無効となり、"
                        + "お支払いは不要です。");
                if (i.status == InvoiceStatus.REFUND_DUE) {
                    closing.add("既にお支払いいただいた" + JapaneseText.yen(i.refundDueJpy()) + "は、ご返金いたします。"
                            + "ご返金の際に返還請求書（適格返還請求書）をお送りいたします。");
                }
                InvoicePdf.Correction c = new InvoicePdf.Correction("請求書取消のお知らせ", "適格請求書の取消し",
                        i.number + "-C", i.recipientName, i.issuerName, billing.issuerAddress().orElse(null),
                        i.registrationNumber, today,
                        List.of(new String[] {"取り消す請求書", i.number + "（" + JapaneseText.date(i.issueDate) + "発行）"},
                                new String[] {"注文番号", Long.toString(i.orderId)},
                                new String[] {"取消日", JapaneseText.date(today)}),
                        items(shown), "取消金額（税込）", InvoiceMath.breakdown(shown), i.totalJpy, closing);
                return store(i, InvoiceDocument.Kind.VOID_NOTICE, i.number + "-C.pdf", c);
            }).map(d -> new Cancelled(i, d.id));
        });
    }

    /**
     * The refund invoice (適格返還請求書) for {@code considerationJpy} of the invoice's price returned on
     * {@code refundDate}: the amount per tax rate in proportion to the invoice's, with the tax each contains. Stored in
     * the caller's transaction; {@code sequence} numbers the invoice's refunds (…-R1, -R2).
     */
    public Uni<InvoiceDocument> refunded(Invoice i, int sequence, LocalDate refundDate, long considerationJpy,
            String how) {
        return invoices.lines(i.id).flatMap(lines -> {
            List<InvoiceView.Line> shown = InvoiceView.lines(lines);
            List<InvoiceView.TaxBreakdown> parts = InvoiceMath.allocate(InvoiceMath.breakdown(shown), considerationJpy);
            String number = i.number + "-R" + sequence;
            InvoicePdf.Correction c = new InvoicePdf.Correction("返還請求書", "適格返還請求書", number, i.recipientName,
                    i.issuerName, billing.issuerAddress().orElse(null), i.registrationNumber,
                    LocalDate.now(billing.zone()),
                    List.of(new String[] {"返還日", JapaneseText.date(refundDate)},
                            new String[] {"対象の請求書", i.number + "（" + JapaneseText.date(i.issueDate) + "発行）"},
                            new String[] {"取引年月日", JapaneseText.date(i.issueDate)},
                            new String[] {"返還の方法", how}),
                    items(shown), "返還額（税込）", parts, considerationJpy,
                    List.of("上記のとおり、お支払いいただいた対価を返還いたしました。本書は消費税法上の適格返還請求書です。"));
            return store(i, InvoiceDocument.Kind.REFUND, number + ".pdf", c);
        });
    }

    private static List<String> items(List<InvoiceView.Line> lines) {
        return lines.stream().map(l -> (l.taxCategory() == TaxCategory.REDUCED ? "※ " : "") + l.description() + "（"
                + (l.taxCategory() == TaxCategory.NON_TAXABLE ? "非課税" : l.taxRatePercent() + "%") + "、"
                + JapaneseText.yen(l.amountJpy()) + "）").toList();
    }

    private Uni<InvoiceDocument> store(Invoice i, InvoiceDocument.Kind kind, String fileName, InvoicePdf.Correction c) {
        return Offload.cpu(() -> pdf.correction(c)).flatMap(bytes -> {
            InvoiceDocument d = new InvoiceDocument();
            d.invoiceId = i.id;
            d.kind = kind;
            d.fileName = fileName;
            d.pdf = bytes;
            d.sha256 = Digests.sha256Hex(bytes);
            d.createdAt = Times.now();
            return documents.persist(d);
        });
    }

    /**
     * Fails with 409 unless {@code extras} are exactly the EXTRA lines of the order's issued invoice: a re-sent
     * {@code invoice} command with other charges would otherwise be answered 200 and the charges never billed.
     */
    public Uni<Void> requireSameExtras(long orderId, List<ExtraCharge> extras) {
        return invoices.ofOrder(orderId).flatMap(i -> i == null ? Uni.createFrom().voidItem()
                : invoices.lines(i.id).flatMap(lines -> {
                    List<String> issued = lines.stream().filter(l -> l.kind == LineKind.EXTRA)
                            .sorted(java.util.Comparator.comparingInt(l -> l.position))
                            .map(l -> l.description + "|" + l.amountJpy + "|" + l.taxCategory).toList();
                    List<String> asked = extras.stream().map(x -> x.description().strip() + "|" + x.amountJpy() + "|"
                            + x.category()).toList();
                    return issued.equals(asked) ? Uni.createFrom().voidItem()
                            : Uni.createFrom().failure(DomainException.conflict("Order " + orderId
                                    + " was already invoiced with invoice " + i.number + " (" + issued.size()
                                    + " extra charge(s), " + i.totalJpy + " JPY); these extra charges differ. "
                                    + "Bill them on a new order or cancel and re-order"));
                }));
    }

    /** The order's invoice or null; runs in the caller's session. */
    public Uni<Invoice> findOfOrder(long orderId) {
        return invoices.ofOrder(orderId);
    }

    public Uni<InvoiceView> view(Invoice i) {
        return invoices.lines(i.id).map(lines -> InvoiceView.of(i, lines));
    }

    @WithSession
    public Uni<Page<InvoiceView>> list(Filter filter, PageRequest paging) {
        var query = invoices.filtered(filter, paging.sort(SORTS, "dueDate", "id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> {
            Uni<List<InvoiceView>> views = Uni.createFrom().item(new ArrayList<>());
            // one statement after the other: a session runs one at a time
            for (Invoice i : items) {
                views = views.flatMap(acc -> view(i).map(v -> {
                    acc.add(v);
                    return acc;
                }));
            }
            return views.flatMap(list -> query.count().map(total -> paging.page(list, total)));
        });
    }

    @WithSession
    public Uni<InvoiceView> get(long id, String scope) {
        return invoices.findById(id)
                .map(i -> i == null || (scope != null && !scope.equals(i.customerId)) ? null : i)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Invoice", id))
                .flatMap(this::view);
    }

    @WithSession
    public Uni<InvoiceView> ofOrder(long orderId, String scope) {
        return invoices.ofOrder(orderId)
                .map(i -> i == null || (scope != null && !scope.equals(i.customerId)) ? null : i)
                .onItem().ifNull().failWith(() -> DomainException.notFound("Invoice of order", orderId))
                .flatMap(this::view);
    }
}
