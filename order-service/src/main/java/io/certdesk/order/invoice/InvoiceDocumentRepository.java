package io.certdesk.order.invoice;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The PDFs delivered for invoices. */
@ApplicationScoped
public class InvoiceDocumentRepository implements PanacheRepository<InvoiceDocument> {

    public Uni<InvoiceDocument> of(long invoiceId, InvoiceDocument.Kind kind) {
        return find("invoiceId = ?1 and kind = ?2 order by id desc", invoiceId, kind).firstResult();
    }
}
