package io.certdesk.order.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person at the customer the company and the CA may contact. */
@Entity
@Table(name = "customer_contact")
public class CustomerContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String phone;

    @Column(nullable = false)
    public String email;

    /** May answer the CA's verification call (holds the authority to apply for the certificate). */
    @Column(name = "authorised_for_ca_call", nullable = false)
    public boolean authorisedForCaCall;

    /** This contact is the company's representative (代表者). */
    @Column(nullable = false)
    public boolean representative;
}
