package io.certdesk.order.reconcile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An imported bank statement and what its import did; see V15__bank_reconciliation.sql. */
@Entity
@Table(name = "bank_statement")
public class BankStatement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "file_sha256", nullable = false, length = 64)
    public String fileSha256;

    @Column(name = "file_name", length = 200)
    public String fileName;

    @Column(nullable = false)
    public int credits;

    @Column(nullable = false)
    public int matched;

    @Column(nullable = false)
    public int review;

    @Column(nullable = false)
    public int duplicates;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(name = "imported_by", nullable = false)
    public String importedBy;
}
