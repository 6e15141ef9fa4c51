package io.certdesk.binding.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code Idempotency-Key} for non-idempotent requests, the same in the three services. The first request with a
 * key claims it by inserting a row in the same transaction as its own work and stores its answer there, so the
 * key and the work commit or roll back together: a retry after a crash either finds the stored answer or runs the
 * work for the first time, never twice. A concurrent request with the same key waits on the row until the first
 * commits, then gets the same answer ({@code Idempotent-Replayed: true}). The same key with another request
 * (method, path or body) is 422. Keys are kept {@value #RETENTION_DAYS} days, per caller.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int RETENTION_DAYS = 30;
    public static final int MAX_KEY_LENGTH = 200;

    private final ObjectMapper json;
    private final CurrentVertxRequest request;
    private final Caller caller;

    public Idempotency(ObjectMapper json, CurrentVertxRequest request, Caller caller) {
        this.json = json;
        this.request = request;
        this.caller = caller;
    }

    /**
     * Runs {@code work} once per key: without a key it simply runs; with one, inside a transaction that also holds
     * the key's row. {@code body} is the request body as received (null when it has none).
     */
    public <T> Uni<RestResponse<T>> once(String key, Object body, Class<T> type, Supplier<Uni<RestResponse<T>>> work) {
        if (key == null) {
            return work.get();
        }
        String checked = validKey(key);
        String subject = caller.subject();
        String operation = request.getCurrent().request().method().name() + " " + request.getCurrent().request().path();
        String fingerprint = fingerprint(operation, body);
        return Panache.withTransaction(() -> claim(subject, checked, operation, fingerprint).flatMap(claimed -> claimed
                ? work.get().call(answer -> store(subject, checked, answer))
                : replay(subject, checked, fingerprint, type)));
    }

    private Uni<Boolean> claim(String subject, String key, String operation, String fingerprint) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "insert into idempotency_record (caller, idempotency_key, operation, fingerprint, status, created_at) "
                                + "values (:caller, :key, :operation, :fingerprint, 0, :now) on conflict do nothing")
                .setParameter("caller", subject).setParameter("key", key).setParameter("operation", operation)
                .setParameter("fingerprint", fingerprint).setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private <T> Uni<Void> store(String subject, String key, RestResponse<T> answer) {
        String body;
        try {
            body = answer.getEntity() == null ? null : json.writeValueAsString(answer.getEntity());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("answer cannot be stored for replay", e));
        }
        URI location = answer.getLocation();
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "update idempotency_record set status = :status, location = :location, body = :body "
                                + "where caller = :caller and idempotency_key = :key")
                .setParameter("status", answer.getStatus())
                .setParameter("location", location == null ? null : location.toString())
                .setParameter("body", body)
                .setParameter("caller", subject).setParameter("key", key)
                .executeUpdate()).replaceWithVoid();
    }

    private <T> Uni<RestResponse<T>> replay(String subject, String key, String fingerprint, Class<T> type) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select fingerprint, status, location, body from idempotency_record "
                                + "where caller = :caller and idempotency_key = :key", Object[].class)
                .setParameter("caller", subject).setParameter("key", key)
                .getResultList())
                .map(rows -> {
                    List<Object[]> found = rows;
                    if (found.isEmpty()) {
                        // only when the row expired between the insert and this read: the caller may simply retry
                        throw DomainException.conflict("Idempotency-Key " + Ids.shown(key) + " is being reused as it "
                                + "expires; retry the request");
                    }
                    Object[] row = found.get(0);
                    if (!fingerprint.equals(row[0])) {
                        throw new DomainException(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key "
                                + Ids.shown(key) + " was already used for a different request; use a new key for a "
                                + "new request");
                    }
                    return answerOf(((Number) row[1]).intValue(), (String) row[2], (String) row[3], type);
                });
    }

    private <T> RestResponse<T> answerOf(int status, String location, String body, Class<T> type) {
        try {
            T entity = body == null ? null : json.readValue(body, type);
            RestResponse.ResponseBuilder<T> answer = RestResponse.ResponseBuilder.<T>create(status).entity(entity)
                    .header(REPLAYED, "true");
            if (location != null) {
                answer.header(HttpHeaders.LOCATION, location);
            }
            return answer.build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer cannot be read back", e);
        }
    }

    /** Keys are 1-200 visible ASCII characters; anything else is a client error. */
    static String validKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw DomainException.invalid(HEADER, "must be 1-" + MAX_KEY_LENGTH
                    + " visible ASCII characters (a UUID is a good key)");
        }
        return key;
    }

    private String fingerprint(String operation, Object body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (body != null) {
                sha.update(body instanceof byte[] bytes ? bytes : json.writeValueAsBytes(body));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("request cannot be fingerprinted", e);
        }
    }

    /** Forgets keys older than the retention period, hourly; every replica may run it, the delete is idempotent. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetExpired() {
        Instant cutoff = Instant.now().minus(RETENTION_DAYS, ChronoUnit.DAYS);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "delete from idempotency_record where created_at < :cutoff").setParameter("cutoff", cutoff)
                        .executeUpdate()))
                .onFailure().invoke(e -> Log.warnf(e, "Expired idempotency keys could not be removed; retrying later"))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
