package io.certdesk.order.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a document's latest file, apart from the checklist row so listings never load them. */
@Entity
@Table(name = "document_file")
public class DocumentFile {

    @Id
    @Column(name = "document_id")
    public Long documentId;

    @Column(nullable = false)
    public byte[] content;
}
