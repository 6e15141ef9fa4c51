package io.certdesk.order.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;

/** An organisation that buys certificates; its id is the {@code customer_id} claim of its users' tokens. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public String id;

    @Column(name = "organisation_name", nullable = false)
    public String organisationName;

    @Column(name = "organisation_kana", nullable = false)
    public String organisationKana;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    @Column(nullable = false)
    public String address;

    @Column(name = "representative_name", nullable = false)
    public String representativeName;

    @Column(name = "representative_title", nullable = false)
    public String representativeTitle;

    /** Listed on a stock exchange; for unlisted companies only the representative may answer the CA's call. */
    @Column(nullable = false)
    public boolean listed;

    @Column(name = "notice_email", nullable = false)
    public String noticeEmail;

    /** Start of the customer's preferred hours for the CA's call, Asia/Tokyo. */
    @Column(name = "call_hours_from", nullable = false)
    public LocalTime callHoursFrom;

    @Column(name = "call_hours_to", nullable = false)
    public LocalTime callHoursTo;

    @Column(name = "subject_organization", length = 64)
    public String subjectOrganization;

    @Column(name = "subject_locality", length = 64)
    public String subjectLocality;

    @Column(name = "subject_state", length = 64)
    public String subjectState;

    @Column(name = "subject_country", length = 2)
    public String subjectCountry;

    /** Last day the CA honours the organisation's validation (OV/EV reissues reuse it until then). */
    @Column(name = "organisation_validated_until")
    public java.time.LocalDate organisationValidatedUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The OV/EV certificate subject, or null when staff have not set it. */
    public CertificateSubject certificateSubject() {
        return subjectOrganization == null ? null
                : new CertificateSubject(subjectOrganization, subjectLocality, subjectState, subjectCountry);
    }
}
