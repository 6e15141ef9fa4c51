package io.certdesk.order.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last invoice number used in a year; locked while a number is drawn, so numbers never repeat or skip. */
@Entity
@Table(name = "invoice_counter")
public class InvoiceCounter {

    @Id
    public Integer year;

    @Column(name = "last_number", nullable = false)
    public int lastNumber;
}
