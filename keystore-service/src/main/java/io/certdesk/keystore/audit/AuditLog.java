package io.certdesk.keystore.audit;

import io.certdesk.keystore.audit.AuditEntry.Outcome;
import io.certdesk.keystore.crypto.IntegrityException;
import io.certdesk.keystore.crypto.SecretFiles;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.Page;
import io.certdesk.keystore.platform.PageRequest;
import io.certdesk.keystore.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The append-only, hash-chained audit log. Each entry's hash covers its fields and the previous
 * entry's hash, so editing, removing or reordering any entry breaks the chain from there on.
 */
@ApplicationScoped
@Startup
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final int VERIFY_BATCH = 1000;

    private final AuditRepository entries;
    private final byte[] hmacKey;

    public AuditLog(AuditRepository entries, AuditConfig config) {
        this.entries = entries;
        this.hmacKey = SecretFiles.loadOrCreate(config.hmacKeyFile()
                .orElseThrow(() -> new IllegalStateException("certdesk.audit.hmac-key-file is not configured: set "
                        + "CERTDESK_AUDIT_HMAC_KEY_FILE to a file holding a base64 32-byte key")),
                config.createIfMissing(), "audit HMAC key");
    }

    /** Appends one entry in its own transaction, so failures and denials are kept even when the operation rolled back. */
    @WithTransaction
    public Uni<Void> record(AuditActor actor, String action, String target, Outcome outcome, String detail) {
        return entries.lockHead().flatMap(head -> {
            AuditEntry e = new AuditEntry();
            e.seq = head.lastSeq + 1;
            e.at = Times.now();
            e.actor = truncate(actor.subject(), 200);
            e.actorRole = truncate(actor.role(), 64);
            e.action = action;
            e.target = truncate(target, 200);
            e.outcome = outcome;
            e.source = truncate(actor.source(), 100);
            e.detail = truncate(detail, 1000);
            e.prevHash = head.lastHash;
            e.hash = hash(e);
            head.lastSeq = e.seq;
            head.lastHash = e.hash;
            return entries.persist(e).replaceWithVoid();
        }).onFailure().invoke(f -> Log.errorf(f, "Audit entry could not be written: %s %s %s", action, target, outcome));
    }

    /**
     * Runs {@code operation} and audits how it ended: SUCCESS, DENIED (access refused, also when
     * answered as 404) or FAILED with the problem's detail. The operation's own result or failure
     * passes through unchanged.
     */
    public <T> Uni<T> audited(AuditActor actor, String action, String target, String detail,
            Supplier<Uni<T>> operation) {
        return auditedFor(actor, action, (T item) -> target, detail, operation);
    }

    /** As {@link #audited(AuditActor, String, String, String, Supplier)}, naming the target from the result. */
    public <T> Uni<T> auditedFor(AuditActor actor, String action, Function<T, String> targetOf, String detail,
            Supplier<Uni<T>> operation) {
        return Uni.createFrom().<T>deferred(operation::get).onItemOrFailure().call((item, failure) -> {
            if (failure == null) {
                return record(actor, action, targetOf.apply(item), Outcome.SUCCESS, detail);
            }
            boolean denied = failure instanceof DomainException d && d.denial();
            String reason = failure instanceof DomainException d ? d.getMessage()
                    : failure instanceof IntegrityException ? "integrity check failed: " + failure.getMessage()
                    : "internal error";
            return record(actor, action, targetOf.apply(null), denied ? Outcome.DENIED : Outcome.FAILED,
                    detail == null ? reason : detail + "; " + reason).onFailure().recoverWithNull();
        });
    }

    /** An HMAC of a sensitive value: lets an auditor match a value they hold without the log storing it. */
    public String fingerprint(String sensitive) {
        return "hmac-sha256:" + HexFormat.of().formatHex(mac("certdesk:audit:value:" + sensitive), 0, 16);
    }

    /** Checks the chain up to the head as it was when verification began; later appends are not races. */
    @WithSession
    public Uni<AuditVerification> verify() {
        return entries.head().flatMap(head -> verifyFrom(0, GENESIS, head));
    }

    private Uni<AuditVerification> verifyFrom(long afterSeq, String prevHash, AuditHead head) {
        return entries.after(afterSeq, head.lastSeq, VERIFY_BATCH).flatMap(batch -> {
            long expectedSeq = afterSeq;
            String expectedPrev = prevHash;
            for (AuditEntry e : batch) {
                expectedSeq++;
                if (e.seq != expectedSeq) {
                    return Uni.createFrom().item(AuditVerification.broken(expectedSeq - 1, expectedSeq,
                            "entry " + expectedSeq + " is missing"));
                }
                if (!e.prevHash.equals(expectedPrev)) {
                    return Uni.createFrom().item(AuditVerification.broken(expectedSeq - 1, e.seq,
                            "entry " + e.seq + " does not link to the entry before it"));
                }
                if (!hash(e).equals(e.hash)) {
                    return Uni.createFrom().item(AuditVerification.broken(expectedSeq - 1, e.seq,
                            "entry " + e.seq + " was altered after it was written"));
                }
                expectedPrev = e.hash;
            }
            if (batch.size() == VERIFY_BATCH) {
                return verifyFrom(expectedSeq, expectedPrev, head);
            }
            long last = expectedSeq;
            String lastHash = expectedPrev;
            return Uni.createFrom().item(head.lastSeq != last || !head.lastHash.equals(lastHash)
                    ? AuditVerification.broken(last, last + 1, "the chain ends at entry " + last
                            + " but its head records entry " + head.lastSeq + ": entries were removed")
                    : AuditVerification.intact(last));
        });
    }

    @WithSession
    public Uni<Page<AuditEntryView>> list(AuditRepository.Filter filter, PageRequest paging) {
        var query = entries.filtered(filter, paging.sort(Map.of("seq", "seq"), "-seq", "seq"));
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count()
                .map(total -> paging.page(items.stream().map(AuditEntryView::of).toList(), total)));
    }

    /**
     * HMAC-SHA256 under the audit key over the entry and the previous link: someone who can write to
     * the database but does not hold the key file cannot recompute a chain over edited entries.
     */
    String hash(AuditEntry e) {
        String canonical = String.join("\n", e.prevHash, Long.toString(e.seq), e.at.toString(), e.actor, e.actorRole,
                e.action, nullToEmpty(e.target), e.outcome.name(), nullToEmpty(e.source), nullToEmpty(e.detail));
        return HexFormat.of().formatHex(mac(canonical));
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
