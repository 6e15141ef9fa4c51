package io.certdesk.order.notice;

import io.certdesk.order.customer.Customer;
import io.certdesk.order.customer.CustomerRepository;
import io.certdesk.order.fee.BillingConfig;
import io.certdesk.order.fee.JapaneseText;
import io.certdesk.order.invoice.Invoice;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.product.ProductRepository;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The notices each step of the process sends the customer, in Japanese, through the outbox (queued in the caller's
 * transaction): a payment that leaves a balance, the papers an OV/EV certificate needs and a paper that was not
 * accepted, the CA's call proposed and fixed, and the certificate installed. Each carries the customer's name, the
 * product's name, dates as yyyy年M月d日 and the business signature; nothing in English reaches the customer.
 */
@ApplicationScoped
public class ProcessNotices {

    private final NoticeOutbox outbox;
    private final CustomerRepository customers;
    private final ProductRepository products;
    private final BillingConfig billing;
    private final NoticeConfig config;
    private final NoticeText text;
    private final Template partial;
    private final Template documentsRequested;
    private final Template documentRejected;
    private final Template slotProposed;
    private final Template slotConfirmed;
    private final Template installed;
    private final Template reminder;
    private final Template voided;
    private final Template refunded;
    private final Template bundle;
    private final Template passphrase;

    ProcessNotices(NoticeOutbox outbox, CustomerRepository customers, ProductRepository products, BillingConfig billing,
            NoticeConfig config, NoticeText text,
            @Location("notices/payment-partial.txt") Template partial,
            @Location("notices/documents-requested.txt") Template documentsRequested,
            @Location("notices/document-rejected.txt") Template documentRejected,
            @Location("notices/call-slot-proposed.txt") Template slotProposed,
            @Location("notices/call-slot-confirmed.txt") Template slotConfirmed,
            @Location("notices/certificate-installed.txt") Template installed,
            @Location("notices/payment-reminder.txt") Template reminder,
            @Location("notices/invoice-voided.txt") Template voided,
            @Location("notices/refund-completed.txt") Template refunded,
            @Location("notices/key-bundle-ready.txt") Template bundle,
            @Location("notices/passphrase-ready.txt") Template passphrase) {
        this.reminder = reminder;
        this.voided = voided;
        this.refunded = refunded;
        this.bundle = bundle;
        this.passphrase = passphrase;
        this.outbox = outbox;
        this.customers = customers;
        this.products = products;
        this.billing = billing;
        this.config = config;
        this.text = text;
        this.partial = partial;
        this.documentsRequested = documentsRequested;
        this.documentRejected = documentRejected;
        this.slotProposed = slotProposed;
        this.slotConfirmed = slotConfirmed;
        this.installed = installed;
    }

    /** A payment arrived and a balance remains: what was received, what is left, where to pay it. */
    public Uni<Void> partialPayment(CertificateOrder o, Invoice i, String actor) {
        BillingConfig.Bank bank = billing.bank();
        return send(o, NoticeKind.PAYMENT_PARTIAL, "balance reminder for invoice " + i.number, partial,
                Map.of("invoiceNumber", i.number, "paidYen", JapaneseText.yen(i.paidJpy),
                        "totalYen", JapaneseText.yen(i.totalJpy), "balanceYen", JapaneseText.yen(i.balanceJpy()),
                        "dueDate", JapaneseText.date(i.dueDate), "bankName", bank.name(), "bankBranch", bank.branch(),
                        "accountType", bank.accountType(), "accountNumber", bank.accountNumber(),
                        "accountHolder", bank.accountHolder()),
                issuer -> "【" + issuer + "】ご入金の確認と残額のお願い（請求書番号 " + i.number + "）", actor);
    }

    /** The invoice is still open after its due date: what is unpaid and where to pay it. */
    public Uni<Void> paymentReminder(CertificateOrder o, Invoice i, String actor) {
        BillingConfig.Bank bank = billing.bank();
        return send(o, NoticeKind.PAYMENT_REMINDER, "payment reminder for invoice " + i.number, reminder,
                Map.of("invoiceNumber", i.number, "totalYen", JapaneseText.yen(i.totalJpy),
                        "balanceYen", JapaneseText.yen(i.balanceJpy()), "dueDate", JapaneseText.date(i.dueDate),
                        "bankName", bank.name(), "bankBranch", bank.branch(), "accountType", bank.accountType(),
                        "accountNumber", bank.accountNumber(), "accountHolder", bank.accountHolder()),
                issuer -> "【" + issuer + "】お支払期限経過のご案内（請求書番号 " + i.number + "）", actor);
    }

    /** OV/EV: the papers to send, and where. */
    public Uni<Void> documentsRequested(CertificateOrder o, List<String> items, String actor) {
        return send(o, NoticeKind.DOCUMENTS_REQUESTED, "documents requested (" + items.size() + ")", documentsRequested,
                Map.of("items", items, "department", config.signature().department(),
                        "issuerAddress", billing.issuerAddress().orElse("")),
                issuer -> "【" + issuer + "】審査書類ご提出のお願い（注文番号 " + o.id + "）", actor);
    }

    /** OV/EV: a paper was not accepted. */
    public Uni<Void> documentRejected(CertificateOrder o, String document, String reason, String actor) {
        return send(o, NoticeKind.DOCUMENT_REJECTED, "document rejected: " + document, documentRejected,
                Map.of("document", document, "reason", reason, "department", config.signature().department(),
                        "issuerAddress", billing.issuerAddress().orElse("")),
                issuer -> "【" + issuer + "】ご提出書類再送のお願い（注文番号 " + o.id + "）", actor);
    }

    /** OV/EV: a time for the CA's call, and who answers it. */
    public Uni<Void> callSlotProposed(CertificateOrder o, Instant slot, String contactName, String contactPhone,
            String actor) {
        return send(o, NoticeKind.CALL_SLOT_PROPOSED, "CA call slot proposed", slotProposed,
                Map.of("slot", JapaneseText.dateTime(slot.atZone(billing.zone())), "contactName", contactName,
                        "contactPhone", contactPhone),
                issuer -> "【" + issuer + "】認証局からのお電話日時のご相談（注文番号 " + o.id + "）", actor);
    }

    /** OV/EV: the CA's call is fixed. */
    public Uni<Void> callSlotConfirmed(CertificateOrder o, Instant slot, String contactName, String contactPhone,
            String actor) {
        return send(o, NoticeKind.CALL_SLOT_CONFIRMED, "CA call slot confirmed", slotConfirmed,
                Map.of("slot", JapaneseText.dateTime(slot.atZone(billing.zone())), "contactName", contactName,
                        "contactPhone", contactPhone),
                issuer -> "【" + issuer + "】認証局からのお電話日時確定のお知らせ（注文番号 " + o.id + "）", actor);
    }

    /** The certificate is issued and served by the customer's server. */
    public Uni<Void> installed(CertificateOrder o, String actor) {
        LocalDate expires = o.certificateExpiresAt == null ? null : LocalDate.ofInstant(o.certificateExpiresAt, billing.zone());
        return send(o, NoticeKind.CERTIFICATE_INSTALLED, "certificate installed", installed,
                Map.of("httpsUrl", o.httpsUrl == null ? "https://" + o.domain + "/" : o.httpsUrl,
                        "expiresDate", expires == null ? "" : JapaneseText.date(expires), "siteSeal", true),
                issuer -> "【" + issuer + "】SSLサーバー証明書の設置完了のお知らせ（" + o.domain + "）", actor)
                .flatMap(v -> deliverables(o, actor));
    }

    /** The order was cancelled: its invoice is cancelled, with the cancellation notice attached. */
    public Uni<Void> invoiceVoided(CertificateOrder o, Invoice i, long documentId, String actor) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("invoiceNumber", i.number,
                "issueDate", JapaneseText.date(i.issueDate), "totalYen", JapaneseText.yen(i.totalJpy),
                "refundDue", i.refundDueJpy() > 0, "refundYen", JapaneseText.yen(i.refundDueJpy())));
        return send(o, NoticeKind.INVOICE_VOIDED, "invoice " + i.number + " cancelled (PDF)", voided, data,
                issuer -> "【" + issuer + "】請求書取消のお知らせ（請求書番号 " + i.number + "）", actor, documentId);
    }

    /** What a refund did, as the customer's mail tells it. */
    public record Refunded(long amountJpy, long feeJpy, boolean feeDeducted, java.time.LocalDate day, String bankName,
            String branchName, String accountLabel, String targetInvoiceNumber, long considerationJpy, Long documentId) {
    }

    /** Money went back to the customer: by transfer, or applied to another invoice; the refund invoice attached. */
    public Uni<Void> refundCompleted(CertificateOrder o, Invoice i, Refunded r, String actor) {
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("applied", r.targetInvoiceNumber() != null);
        data.put("amountYen", JapaneseText.yen(r.amountJpy()));
        data.put("feeDeducted", r.feeDeducted());
        data.put("feeYen", JapaneseText.yen(r.feeJpy()));
        data.put("receivedYen", JapaneseText.yen(r.feeDeducted() ? r.amountJpy() - r.feeJpy() : r.amountJpy()));
        data.put("refundDate", JapaneseText.date(r.day()));
        data.put("bankName", r.bankName() == null ? "" : r.bankName());
        data.put("branchName", r.branchName() == null ? "" : r.branchName());
        data.put("accountLabel", r.accountLabel() == null ? "" : r.accountLabel());
        data.put("targetInvoiceNumber", r.targetInvoiceNumber() == null ? "" : r.targetInvoiceNumber());
        data.put("invoiceNumber", i.number);
        data.put("refundInvoice", r.documentId() != null);
        data.put("considerationYen", JapaneseText.yen(r.considerationJpy()));
        String what = r.targetInvoiceNumber() == null ? "ご返金のお知らせ" : "ご入金額の充当のお知らせ";
        return send(o, NoticeKind.REFUND_COMPLETED, (r.targetInvoiceNumber() == null ? "refund of " : "applied ")
                + r.amountJpy() + " JPY from invoice " + i.number + (r.documentId() == null ? "" : " (PDF)"), refunded,
                data, issuer -> "【" + issuer + "】" + what + "（請求書番号 " + i.number + "）", actor, r.documentId());
    }

    /**
     * The certificate is in place: the key bundle can be downloaded, and, in a mail of its own, how to reveal the
     * passphrase (as the CD-R and the paper with the passphrase were sent apart). Neither mail holds a secret.
     */
    public Uni<Void> deliverables(CertificateOrder o, String actor) {
        LocalDate expires = o.certificateExpiresAt == null ? null : LocalDate.ofInstant(o.certificateExpiresAt, billing.zone());
        return send(o, NoticeKind.KEY_BUNDLE_READY, "key bundle ready", bundle,
                Map.of("expiresDate", expires == null ? "" : JapaneseText.date(expires)),
                issuer -> "【" + issuer + "】証明書一式（秘密鍵・CSR・証明書）ご用意のお知らせ（" + o.domain + "）", actor, null)
                .flatMap(v -> send(o, NoticeKind.PASSPHRASE_READY, "passphrase instructions (sent apart)", passphrase,
                        Map.of(), issuer -> "【" + issuer + "】秘密鍵パスフレーズのご確認方法（" + o.domain + "）", actor,
                        null));
    }

    private Uni<Void> send(CertificateOrder o, NoticeKind kind, String label, Template template, Map<String, Object> data,
            Function<String, String> subject, String actor) {
        return send(o, kind, label, template, data, subject, actor, null);
    }

    private Uni<Void> send(CertificateOrder o, NoticeKind kind, String label, Template template, Map<String, Object> data,
            Function<String, String> subject, String actor, Long documentId) {
        return customers.findById(o.customerId).flatMap((Customer customer) -> products.findByCode(o.productCode)
                .flatMap(product -> {
                    var instance = template.data("customerName", customer.organisationName)
                            .data("issuerName", billing.issuerName()).data("domain", o.domain)
                            .data("productName", product == null ? o.productCode : product.name)
                            .data("orderId", o.id).data("signature", text.signature());
                    data.forEach(instance::data);
                    return outbox.enqueue(o.id, kind, label, customer.noticeEmail, subject.apply(billing.issuerName()),
                            instance.render(), actor, documentId);
                })).replaceWithVoid();
    }
}
