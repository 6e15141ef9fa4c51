package io.certdesk.keystore.audit;

/** Who performed an audited operation, in which role, and from which address. */
public record AuditActor(String subject, String role, String source) {
}
