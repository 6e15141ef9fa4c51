package io.certdesk.order.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One charge on an invoice, tax included at its rate. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invoice_id", nullable = false)
    public long invoiceId;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LineKind kind;

    @Column(nullable = false)
    public String description;

    @Column(name = "amount_jpy", nullable = false)
    public long amountJpy;

    @Column(name = "tax_rate_percent", nullable = false)
    public int taxRatePercent;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "tax_category", nullable = false, length = 12)
    public TaxCategory taxCategory;
}
