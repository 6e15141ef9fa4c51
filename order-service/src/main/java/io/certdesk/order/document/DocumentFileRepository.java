package io.certdesk.order.document;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Document files by their checklist row. */
@ApplicationScoped
public class DocumentFileRepository implements PanacheRepositoryBase<DocumentFile, Long> {
}
