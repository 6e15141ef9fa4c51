package io.certdesk.order.platform;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers bearer tokens whose signature, issuer and audience were verified, so that a client sending the same token
 * with every request pays the RSA verification and the JSON parsing once (they were a third of the CPU of a
 * single-row read) instead of per request. An entry is the exact token text (a changed byte is another token and is
 * verified), lives at most {@link #MAX_AGE_SECONDS} seconds and never beyond the token's own expiry, and the cache
 * holds at most {@link #MAX_ENTRIES} tokens. What is checked per request stays per request: the token rules
 * ({@code TokenRules}: its age, the roles it may keep) and every authorization. A token that fails verification is
 * never remembered.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokens implements JWTParser {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_AGE_SECONDS = 60;

    private record Entry(JsonWebToken token, long validUntilMillis) {
    }

    /** Shared by every parser instance: there is one per application, but the cache must not depend on it. */
    private static final ConcurrentHashMap<String, Entry> CACHE = new ConcurrentHashMap<>();

    @Inject
    @Delegate
    @Any
    JWTParser delegate;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return remembered(token, delegate, Clock.systemUTC());
    }

    /** The verified token for {@code token}: remembered, or verified by {@code verifier} now. */
    static JsonWebToken remembered(String token, JWTParser verifier, Clock clock) throws ParseException {
        long now = clock.millis();
        Entry e = CACHE.get(token);
        if (e != null && now < e.validUntilMillis()) {
            return e.token();
        }
        JsonWebToken verified = verifier.parse(token);
        long until = now + MAX_AGE_SECONDS * 1000;
        long expiry = verified.getExpirationTime();
        if (expiry > 0) {
            until = Math.min(until, expiry * 1000);
        }
        if (until > now) {
            if (CACHE.size() >= MAX_ENTRIES) {
                CACHE.values().removeIf(old -> now >= old.validUntilMillis());
                if (CACHE.size() >= MAX_ENTRIES) {
                    CACHE.clear();
                }
            }
            CACHE.put(token, new Entry(verified, until));
        }
        return verified;
    }

    /** How many tokens are remembered (tests). */
    static int size() {
        return CACHE.size();
    }

    /** Forgets every token (tests). */
    static void forget() {
        CACHE.clear();
    }
}
