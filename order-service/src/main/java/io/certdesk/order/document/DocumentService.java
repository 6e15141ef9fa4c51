package io.certdesk.order.document;

import io.certdesk.order.platform.Digests;
import io.certdesk.order.notice.ProcessNotices;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderEvent;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.order.OrderWorkflow;
import io.certdesk.order.order.WorkflowConfig;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.ETags;
import io.certdesk.order.platform.Page;
import io.certdesk.order.platform.PageRequest;
import io.certdesk.order.platform.ProblemType;
import io.certdesk.order.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The OV/EV document checklist: files received from the customer, reviewed by staff. */
@ApplicationScoped
public class DocumentService {

    /** A downloaded file. */
    public record FileContent(String fileName, String contentType, byte[] content) {
    }

    private static final Set<String> ACCEPTED_TYPES = Set.of(FileTypes.PDF, FileTypes.JPEG, FileTypes.PNG);

    private final DocumentRepository documents;
    private final DocumentFileRepository files;
    private final OrderWorkflow workflow;
    private final WorkflowConfig config;
    private final ETags etags;

    private final ProcessNotices notices;

    public DocumentService(DocumentRepository documents, DocumentFileRepository files, OrderWorkflow workflow,
            WorkflowConfig config, ETags etags, ProcessNotices notices) {
        this.notices = notices;
        this.etags = etags;
        this.documents = documents;
        this.files = files;
        this.workflow = workflow;
        this.config = config;
    }

    /** Creates the checklist the order's product requires; runs in the caller's transaction. */
    public Uni<Void> createChecklist(CertificateOrder o) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DocumentKind kind : DocumentKind.required(o.validationLevel, o.requiresAttorneyLetter)) {
            OrderDocument d = new OrderDocument();
            d.orderId = o.id;
            d.kind = kind;
            d.status = DocumentStatus.REQUIRED;
            chain = chain.flatMap(v -> documents.persist(d).replaceWithVoid());
        }
        return chain.flatMap(v -> documents.flush());
    }

    /** The required documents not yet accepted; runs in the caller's session. */
    public Uni<List<DocumentKind>> notAccepted(CertificateOrder o) {
        return documents.ofOrder(o.id).map(list -> {
            Set<DocumentKind> accepted = list.stream().filter(d -> d.status == DocumentStatus.ACCEPTED)
                    .map(d -> d.kind).collect(Collectors.toSet());
            return DocumentKind.required(o.validationLevel, o.requiresAttorneyLetter).stream().filter(k -> !accepted.contains(k)).toList();
        });
    }

    @WithTransaction
    public Uni<DocumentView> upload(long orderId, DocumentKind kind, String declaredType, String fileName,
            byte[] content, String scope, String actor, String ifMatch) {
        String type = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (content == null || content.length == 0) {
            return Uni.createFrom().failure(DomainException.invalid("file", "is empty"));
        }
        if (content.length > config.maxDocumentBytes()) {
            return Uni.createFrom().failure(DomainException.invalid("file",
                    "is " + content.length + " bytes; the limit is " + config.maxDocumentBytes() + " bytes"));
        }
        if (!ACCEPTED_TYPES.contains(type)) {
            return Uni.createFrom().failure(new DomainException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Documents must be PDF, JPEG or PNG, not '" + declaredType + "'"));
        }
        String actual = FileTypes.sniff(content).orElse(null);
        if (!type.equals(actual)) {
            return Uni.createFrom().failure(new DomainException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The file was sent as " + type + " but its content is "
                            + (actual == null ? "not a PDF, JPEG or PNG file" : actual)));
        }
        return workflow.lock(orderId, scope).flatMap(o -> requireCollecting(o)
                .flatMap(v -> require(orderId, kind))
                .flatMap(d -> {
                    etags.check(ifMatch, DocumentView.of(d), false);
                    if (d.status == DocumentStatus.ACCEPTED) {
                        return Uni.createFrom().failure(DomainException.conflict(
                                kind + " of order " + orderId + " is already ACCEPTED; it cannot be replaced"));
                    }
                    d.status = DocumentStatus.RECEIVED;
                    d.reason = null;
                    String safeName = FileNames.safe(fileName);
                    d.fileName = safeName == null ? defaultName(kind, type) : safeName;
                    d.contentType = type;
                    d.sizeBytes = (long) content.length;
                    d.sha256 = Digests.sha256Hex(content);
                    d.receivedAt = Times.now();
                    d.decidedAt = null;
                    d.decidedBy = null;
                    return files.findById(d.id).flatMap(existing -> {
                        DocumentFile f = existing == null ? new DocumentFile() : existing;
                        f.documentId = d.id;
                        f.content = content;
                        return existing == null ? files.persist(f).replaceWithVoid() : Uni.createFrom().voidItem();
                    }).flatMap(v -> workflow.record(orderId, OrderEvent.Kind.DOCUMENT, actor,
                            kind + " received (" + type + ", " + content.length + " bytes, sha256 " + d.sha256 + ")"))
                            .flatMap(v -> documents.flush()).replaceWith(DocumentView.of(d));
                }));
    }

    @WithTransaction
    public Uni<DocumentView> accept(long orderId, DocumentKind kind, String actor, String ifMatch) {
        return decide(orderId, kind, DocumentStatus.ACCEPTED, null, actor, ifMatch);
    }

    @WithTransaction
    public Uni<DocumentView> reject(long orderId, DocumentKind kind, String reason, String actor, String ifMatch) {
        return decide(orderId, kind, DocumentStatus.REJECTED, reason.strip(), actor, ifMatch);
    }

    /** The checklist (at most a handful of documents), in checklist order. */
    @WithSession
    public Uni<Page<DocumentView>> list(long orderId, String scope, PageRequest paging) {
        return workflow.find(orderId, scope).flatMap(o -> documents.ofOrder(orderId))
                .map(list -> paging.slice(list.stream().map(DocumentView::of).toList()));
    }

    @WithSession
    public Uni<DocumentView> get(long orderId, DocumentKind kind, String scope) {
        return workflow.find(orderId, scope).flatMap(o -> require(orderId, kind)).map(DocumentView::of);
    }

    @WithSession
    public Uni<FileContent> download(long orderId, DocumentKind kind, String scope) {
        return workflow.find(orderId, scope).flatMap(o -> require(orderId, kind)).flatMap(d -> {
            if (d.contentType == null) {
                return Uni.createFrom().failure(DomainException.notFound("File of " + kind + " for order", orderId));
            }
            return files.findById(d.id).map(f -> new FileContent(d.fileName, d.contentType, f.content));
        });
    }

    private Uni<DocumentView> decide(long orderId, DocumentKind kind, DocumentStatus decision, String reason,
            String actor, String ifMatch) {
        return workflow.lock(orderId, null).flatMap(o -> requireCollecting(o)
                .flatMap(v -> require(orderId, kind))
                .flatMap(d -> {
                    etags.check(ifMatch, DocumentView.of(d), false);
                    if (d.status == decision && java.util.Objects.equals(d.reason, reason)) {
                        return Uni.createFrom().item(DocumentView.of(d));
                    }
                    if (d.status != DocumentStatus.RECEIVED) {
                        return Uni.createFrom().failure(DomainException.conflict(kind + " of order " + orderId
                                + " is " + d.status + "; only a RECEIVED document can be "
                                + decision.name().toLowerCase(java.util.Locale.ROOT)));
                    }
                    d.status = decision;
                    d.reason = reason;
                    d.decidedAt = Times.now();
                    d.decidedBy = actor;
                    return workflow.record(orderId, OrderEvent.Kind.DOCUMENT, actor,
                                    kind + " " + decision + (reason == null ? "" : ": " + reason))
                            .flatMap(v -> decision == DocumentStatus.REJECTED
                                    ? notices.documentRejected(o, kind.label(), reason, actor) : Uni.createFrom().voidItem())
                            .flatMap(v -> documents.flush()).replaceWith(DocumentView.of(d));
                }));
    }

    private Uni<OrderDocument> require(long orderId, DocumentKind kind) {
        return documents.of(orderId, kind).onItem().ifNull().failWith(() -> DomainException.notFound(
                "Document " + kind + " of order", orderId));
    }

    private static Uni<Void> requireCollecting(CertificateOrder o) {
        if (o.state != OrderState.DOCUMENTS_PENDING) {
            return Uni.createFrom().failure(DomainException.conflict("Order " + o.id + " is " + o.state
                    + "; documents are handled only while it is DOCUMENTS_PENDING"));
        }
        return Uni.createFrom().voidItem();
    }

    private static String defaultName(DocumentKind kind, String type) {
        String ext = switch (type) {
            case FileTypes.PDF -> "pdf";
            case FileTypes.JPEG -> "jpg";
            default -> "png";
        };
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "." + ext;
    }

}
