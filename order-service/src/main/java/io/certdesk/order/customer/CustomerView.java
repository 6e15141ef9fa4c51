package io.certdesk.order.customer;

import io.certdesk.order.platform.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer as the API shows it. */
@Schema(name = "Customer")
public record CustomerView(
        CustomerId id,
        String organisationName,
        String organisationKana,
        String postalCode,
        String address,
        String representativeName,
        String representativeTitle,
        boolean listed,
        String noticeEmail,
        @Schema(type = SchemaType.STRING, examples = "10:00") LocalTime callHoursFrom,
        @Schema(type = SchemaType.STRING, examples = "17:00") LocalTime callHoursTo,
        List<Contact> contacts,
        @Schema(description = "The organisation as OV/EV certificates name it; null until staff set it", nullable = true)
        CertificateSubject certificateSubject,
        @Schema(description = "Last day (Asia/Tokyo) the CA honours the organisation's validation: OV/EV reissues "
                + "before it need no new documents or call", nullable = true)
        LocalDate organisationValidatedUntilDate,
        Instant createdAt,
        Instant updatedAt) {

    /** A contact person as the API shows it. */
    @Schema(name = "Contact")
    public record Contact(ContactId id, String name, String phone, String email, boolean authorisedForCaCall,
            boolean representative) {
        static Contact of(CustomerContact c) {
            return new Contact(ContactId.of(c.id), c.name, c.phone, c.email, c.authorisedForCaCall, c.representative);
        }
    }

    static CustomerView of(Customer c, List<CustomerContact> contacts) {
        return new CustomerView(new CustomerId(c.id), c.organisationName, c.organisationKana, c.postalCode, c.address,
                c.representativeName, c.representativeTitle, c.listed, c.noticeEmail, c.callHoursFrom, c.callHoursTo,
                contacts.stream().map(Contact::of).toList(), c.certificateSubject(), c.organisationValidatedUntil, c.createdAt, c.updatedAt);
    }
}
