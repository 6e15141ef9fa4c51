package io.certdesk.order.phone;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Phone verifications by order. */
@ApplicationScoped
public class PhoneVerificationRepository implements PanacheRepositoryBase<PhoneVerification, Long> {
}
