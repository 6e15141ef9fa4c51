package io.certdesk.keystore.audit;

import io.certdesk.keystore.audit.AuditEntry.Outcome;
import io.certdesk.keystore.crypto.IntegrityException;
import io.certdesk.keystore.crypto.SecretFiles;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.Page;
import io.certdesk.keystore.platform.PageRequest;
import io.certdesk.keystore.platform.Times;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hibernate.reactive.mutiny.Mutiny;

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
    private final Mutiny.SessionFactory sessions;
    private final Map<String, DenialTally> denials = new java.util.concurrent.ConcurrentHashMap<>();
    private final AuditCheckpoints checkpoints;
    private final byte[] hmacKey;

    public AuditLog(AuditRepository entries, AuditConfig config, AuditCheckpoints checkpoints,
            Mutiny.SessionFactory sessions) {
        this.entries = entries;
        this.sessions = sessions;
        this.checkpoints = checkpoints;
        this.hmacKey = SecretFiles.loadOrCreate(config.hmacKeyFile()
                .orElseThrow(() -> new IllegalStateException("certdesk.audit.hmac-key-file is not configured: set "
                        + "CERTDESK_AUDIT_HMAC_KEY_FILE to a file holding a base64 32-byte key")),
                config.createIfMissing(), "audit HMAC key");
    }

    /**
     * A head written before its MAC existed (V8) gets one at start, trusting the chain as it stands then; from there
     * on every move of the head is authenticated.
     */
    void authenticateHeadAtStart(@Observes StartupEvent start) throws Throwable {
        VertxContextSupport.subscribeAndAwait(this::authenticateHead);
    }

    @WithTransaction
    Uni<Void> authenticateHead() {
        return entries.lockHead().invoke(head -> {
            if (head.mac == null) {
                head.mac = headMac(head.lastSeq, head.lastHash);
                Log.warnf("The audit head (entry %d) got its MAC; the chain up to it is trusted as it is now", head.lastSeq);
            }
        }).replaceWithVoid();
    }

    /**
     * Appends one entry in the caller's transaction when there is one (so it commits or rolls back with the action it
     * records), else in its own.
     */
    @WithTransaction
    public Uni<Void> record(AuditActor actor, String action, String target, Outcome outcome, String detail) {
        return entries.getSession().flatMap(session -> append(session, actor, action, target, outcome, detail))
                .onFailure().invoke(f -> Log.errorf(f, "Audit entry could not be written: %s %s %s", action, target, outcome));
    }

    /**
     * Appends one entry in a session and transaction of its own, whatever the caller has open: a failure or a denial is
     * kept even though the action's transaction rolls back.
     */
    public Uni<Void> recordApart(AuditActor actor, String action, String target, Outcome outcome, String detail) {
        return sessions.openSession().flatMap(session -> session.withTransaction(tx ->
                        append(session, actor, action, target, outcome, detail)).eventually(session::close))
                .onFailure().invoke(f -> Log.errorf(f, "Audit entry could not be written: %s %s %s", action, target, outcome));
    }

    private Uni<Void> append(Mutiny.Session session, AuditActor actor, String action, String target, Outcome outcome,
            String detail) {
        return session.find(AuditHead.class, (short) 1, LockModeType.PESSIMISTIC_WRITE).flatMap(head -> {
            AuditEntry e = new AuditEntry();
            e.seq = head.lastSeq + 1;
            e.at = Times.now();
            e.actor = clean(actor.subject(), 200);
            e.actorRole = clean(actor.role(), 64);
            e.action = clean(action, 64);
            e.target = clean(target, 200);
            e.outcome = outcome;
            e.source = clean(actor.source(), 100);
            e.detail = clean(detail, 1000);
            e.prevHash = head.lastHash;
            e.macVersion = 2;
            e.hash = hash(e);
            head.lastSeq = e.seq;
            head.lastHash = e.hash;
            head.mac = headMac(head.lastSeq, head.lastHash);
            return session.persist(e).call(session::flush);
        });
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
        // success is written in the action's transaction: both commit or neither does
        return Panache.withTransaction(() -> Uni.createFrom().<T>deferred(operation::get)
                        .call(item -> record(actor, action, targetOf.apply(item), Outcome.SUCCESS, detail)
                                .onFailure().transform(AuditUnavailable::new)))
                .onFailure(failure -> !(failure instanceof AuditUnavailable)).call(failure -> {
                    // a failure or refusal is written apart: the action's transaction rolls back, the entry stays
                    boolean denied = failure instanceof DomainException d && d.denial();
                    String reason = failure instanceof DomainException d ? d.getMessage()
                            : failure instanceof IntegrityException ? "integrity check failed: " + failure.getMessage()
                            : "internal error";
                    String why = detail == null ? reason : detail + "; " + reason;
                    return (denied ? denied(actor, action, targetOf.apply(null), why)
                            : recordApart(actor, action, targetOf.apply(null), Outcome.FAILED, why))
                            .onFailure().recoverWithNull();
                });
    }

    /** The audit entry of a successful action could not be written: the action is rolled back with it. */
    static final class AuditUnavailable extends RuntimeException {
        AuditUnavailable(Throwable cause) {
            super("the audit entry could not be written", cause);
        }
    }

    /**
     * A refused request. In each {@code certdesk.audit.denial-window} an actor's refusals for an action become entries
     * of the chain for the first {@value #DENIALS_WRITTEN_PER_WINDOW} targets; every further refusal is counted and the
     * count written as one DENIED summary entry when the window closes. A caller hammering or enumerating what it may
     * not read cannot grow the chain (or queue behind its lock) by one entry a request, and the investigator still
     * sees who, what, when first, and how often.
     */
    public Uni<Void> denied(AuditActor actor, String action, String target, String reason) {
        String key = actor.subject() + "\n" + actor.role() + "\n" + action;
        boolean[] write = {false};
        // decided inside compute: atomic with the window's close removing the tally, so no refusal is counted into a
        // tally that has already been written out
        denials.compute(key, (k, tally) -> {
            DenialTally t = tally != null ? tally : new DenialTally(actor, action, Times.now());
            write[0] = t.write(target);
            return t;
        });
        return write[0] ? recordApart(actor, action, target, Outcome.DENIED, reason) : Uni.createFrom().voidItem();
    }

    static final int DENIALS_WRITTEN_PER_WINDOW = 20;

    /** Closes the denial window: one summary entry for each actor and action with refusals only counted in it. */
    @Scheduled(every = "${certdesk.audit.denial-window:5M}", delayed = "${certdesk.audit.denial-window:5M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> closeDenialWindow() {
        List<DenialTally> closed = new ArrayList<>();
        for (String key : List.copyOf(denials.keySet())) {
            DenialTally tally = denials.remove(key);
            if (tally != null && tally.counted() > 0) {
                closed.add(tally);
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DenialTally t : closed) {
            chain = chain.call(() -> record(t.actor, t.action, null, Outcome.DENIED, t.counted()
                    + " more refusal(s) of this action since " + t.since + ", counted and not written one by one")
                    .onFailure().recoverWithNull());
        }
        return chain;
    }

    /** An actor's refusals for one action in the current window: the targets written, and how many were counted. */
    static final class DenialTally {
        final AuditActor actor;
        final String action;
        final Instant since;
        private final Set<String> written = new HashSet<>();
        private long counted;

        DenialTally(AuditActor actor, String action, Instant since) {
            this.actor = actor;
            this.action = action;
            this.since = since;
        }

        /** True when this refusal is to be written, false when it is only counted. */
        synchronized boolean write(String target) {
            if (written.contains(target) || written.size() >= DENIALS_WRITTEN_PER_WINDOW) {
                counted++;
                return false;
            }
            written.add(target);
            return true;
        }

        synchronized long counted() {
            return counted;
        }
    }

    /**
     * An HMAC over {@code fields} (length-prefixed) under the audit key, separated from the chain's own MACs by
     * {@code purpose}: lets other records (the servers a certificate may be deployed to) be authenticated by a key the
     * database does not hold.
     */
    public String seal(String purpose, String... fields) {
        String[] parts = new String[fields.length + 1];
        parts[0] = "certdesk:seal:" + purpose;
        System.arraycopy(fields, 0, parts, 1, fields.length);
        return HexFormat.of().formatHex(mac(canonical(parts)));
    }

    /** Whether {@code stored} is the seal of {@code fields}, compared in constant time. */
    public boolean sealed(String stored, String purpose, String... fields) {
        return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                seal(purpose, fields).getBytes(StandardCharsets.US_ASCII));
    }

    /** An HMAC of a sensitive value: lets an auditor match a value they hold without the log storing it. */
    public String fingerprint(String sensitive) {
        return "hmac-sha256:" + HexFormat.of().formatHex(mac("certdesk:audit:value:" + sensitive), 0, 16);
    }

    /**
     * Checks the chain up to the head as it was when verification began (later appends are not races): the head's
     * MAC, every entry's link and MAC, that the chain ends where the head says, and that it still holds the newest
     * checkpoint written outside the database, so that entries cut off its end are noticed even with an old head
     * row put back.
     */
    @WithSession
    public Uni<AuditVerification> verify() {
        return checkpoints.newest().flatMap(checkpoint -> entries.head().flatMap(head -> {
            if (head.mac == null || !MessageDigest.isEqual(headMac(head.lastSeq, head.lastHash)
                    .getBytes(StandardCharsets.US_ASCII), head.mac.getBytes(StandardCharsets.US_ASCII))) {
                return Uni.createFrom().item(AuditVerification.broken(0, head.lastSeq, "the head of the chain (entry "
                        + head.lastSeq + ") was changed by someone without the audit key", checkpoint));
            }
            return verifyFrom(0, GENESIS, head, checkpoint);
        }));
    }

    private Uni<AuditVerification> verifyFrom(long afterSeq, String prevHash, AuditHead head, AuditCheckpoint checkpoint) {
        return entries.after(afterSeq, head.lastSeq, VERIFY_BATCH).flatMap(batch -> {
            long expectedSeq = afterSeq;
            String expectedPrev = prevHash;
            for (AuditEntry e : batch) {
                expectedSeq++;
                if (e.seq != expectedSeq) {
                    return Uni.createFrom().item(AuditVerification.broken(expectedSeq - 1, expectedSeq,
                            "entry " + expectedSeq + " is missing", checkpoint));
                }
                if (!e.prevHash.equals(expectedPrev)) {
                    return Uni.createFrom().item(AuditVerification.broken(expectedSeq - 1, e.seq,
                            "entry " + e.seq + " does not link to the entry before it", checkpoint));
                }
                if (!hash(e).equals(e.hash)) {
                    return Uni.createFrom().item(AuditVerification.broken(expectedSeq - 1, e.seq,
                            "entry " + e.seq + " was altered after it was written", checkpoint));
                }
                if (checkpoint != null && e.seq == checkpoint.seq() && !e.hash.equals(checkpoint.hash())) {
                    return Uni.createFrom().item(AuditVerification.broken(expectedSeq - 1, e.seq, "entry " + e.seq
                            + " is not the one the checkpoint of " + checkpoint.writtenAt() + " recorded", checkpoint));
                }
                expectedPrev = e.hash;
            }
            if (batch.size() == VERIFY_BATCH) {
                long checkedSeq = expectedSeq;
                String checkedHash = expectedPrev;
                // the checked entries leave the session: a long chain is held one batch at a time, never whole
                return Panache.getSession().invoke(org.hibernate.reactive.mutiny.Mutiny.Session::clear)
                        .chain(() -> verifyFrom(checkedSeq, checkedHash, head, checkpoint));
            }
            long last = expectedSeq;
            String lastHash = expectedPrev;
            if (head.lastSeq != last || !head.lastHash.equals(lastHash)) {
                return Uni.createFrom().item(AuditVerification.broken(last, last + 1, "the chain ends at entry " + last
                        + " but its head records entry " + head.lastSeq + ": entries were removed", checkpoint));
            }
            if (checkpoint != null && last < checkpoint.seq()) {
                return Uni.createFrom().item(AuditVerification.broken(last, last + 1, "the chain ends at entry " + last
                        + " but the checkpoint of " + checkpoint.writtenAt() + " recorded entry " + checkpoint.seq()
                        + ": entries were cut off its end", checkpoint));
            }
            return Uni.createFrom().item(AuditVerification.intact(last, checkpoint));
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
        if (e.macVersion == 1) {
            // entries written before V8: newline-joined, kept verifiable as they were written
            String canonical = String.join("\n", e.prevHash, Long.toString(e.seq), e.at.toString(), e.actor,
                    e.actorRole, e.action, nullToEmpty(e.target), e.outcome.name(), nullToEmpty(e.source),
                    nullToEmpty(e.detail));
            return HexFormat.of().formatHex(mac(canonical));
        }
        return HexFormat.of().formatHex(mac(canonical("certdesk:audit:entry:v2", e.prevHash, Long.toString(e.seq),
                e.at.toString(), e.actor, e.actorRole, e.action, e.target, e.outcome.name(), e.source, e.detail)));
    }

    /** The head's MAC over its sequence number and hash. */
    String headMac(long seq, String hash) {
        return HexFormat.of().formatHex(mac(canonical("certdesk:audit:head", Long.toString(seq), hash)));
    }

    /** A checkpoint's MAC over sequence number, hash and time. */
    String checkpointMac(long seq, String hash, java.time.Instant at) {
        return HexFormat.of().formatHex(mac(canonical("certdesk:audit:checkpoint", Long.toString(seq), hash,
                at.toString())));
    }

    /**
     * An unambiguous text of fields for a MAC: each field as its length in characters, a colon and its value (a
     * null field is "-"), so no choice of field contents can make two different entries read alike.
     */
    static String canonical(String... fields) {
        StringBuilder out = new StringBuilder();
        for (String f : fields) {
            if (f == null) {
                out.append('-');
            } else {
                out.append(f.length()).append(':').append(f);
            }
            out.append(';');
        }
        return out.toString();
    }

    /**
     * A field as it may enter the log: control characters (which could forge lines in a log or a report) written as
     * \\uXXXX, then cut to the column's width.
     */
    static String clean(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return truncate(out.toString(), max);
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
