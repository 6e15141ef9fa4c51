package io.certdesk.order.invoice;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The PDFs delivered for invoices. */
@ApplicationScoped
public class InvoiceDocumentRepository implements PanacheRepository<InvoiceDocument> {

    /** The documents of an invoice without their bytes, oldest first. */
    public Uni<java.util.List<InvoiceDocumentView>> listed(long invoiceId) {
        return getSession().flatMap(s -> s.createSelectionQuery("select new io.certdesk.order.invoice.InvoiceDocumentView("
                        + "d.id, d.invoiceId, d.kind, d.fileName, d.sha256, d.createdAt) from InvoiceDocument d "
                        + "where d.invoiceId = :id order by d.id", InvoiceDocumentView.class)
                .setParameter("id", invoiceId).getResultList());
    }

    public Uni<InvoiceDocument> of(long invoiceId, InvoiceDocument.Kind kind) {
        return find("invoiceId = ?1 and kind = ?2 order by id desc", invoiceId, kind).firstResult();
    }
}
