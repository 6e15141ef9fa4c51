package io.certdesk.order.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verified tokens are remembered by their exact text, for at most a minute and never past their expiry. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    /** A verifier that accepts tokens named in {@code expiries} (epoch seconds) and counts its work. */
    private final Map<String, Long> expiries = new HashMap<>();
    private final AtomicInteger verifications = new AtomicInteger();
    private final JWTParser verifier = (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {JWTParser.class}, (proxy, method, args) -> {
                if (!method.getName().equals("parse") || args.length != 1) {
                    throw new UnsupportedOperationException(method.getName());
                }
                verifications.incrementAndGet();
                Long exp = expiries.get((String) args[0]);
                if (exp == null) {
                    throw new ParseException("signature does not verify");
                }
                return token(exp);
            });

    private static JsonWebToken token(long exp) {
        return (JsonWebToken) Proxy.newProxyInstance(VerifiedTokensTest.class.getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getExpirationTime" -> exp;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static Clock at(Duration later) {
        return Clock.fixed(NOW.plus(later), ZoneOffset.UTC);
    }

    @BeforeEach
    void empty() {
        VerifiedTokens.forget();
    }

    @Test
    void aTokenIsVerifiedOnceAMinute() throws Exception {
        expiries.put("a.b.c", NOW.plus(Duration.ofHours(1)).getEpochSecond());
        JsonWebToken first = VerifiedTokens.remembered("a.b.c", verifier, at(Duration.ZERO));
        assertSame(first, VerifiedTokens.remembered("a.b.c", verifier, at(Duration.ofSeconds(59))));
        assertEquals(1, verifications.get());
        VerifiedTokens.remembered("a.b.c", verifier, at(Duration.ofSeconds(60)));
        assertEquals(2, verifications.get(), "verified again after a minute");
    }

    @Test
    void neverPastItsExpiry() throws Exception {
        expiries.put("short", NOW.plusSeconds(10).getEpochSecond());
        VerifiedTokens.remembered("short", verifier, at(Duration.ZERO));
        VerifiedTokens.remembered("short", verifier, at(Duration.ofSeconds(9)));
        assertEquals(1, verifications.get());
        expiries.remove("short"); // the verifier now refuses it, as smallrye does an expired token
        assertThrows(ParseException.class, () -> VerifiedTokens.remembered("short", verifier, at(Duration.ofSeconds(10))));
    }

    @Test
    void aTokenThatFailsIsNeverRememberedAndAChangedByteIsAnotherToken() throws Exception {
        expiries.put("good.token.sig", NOW.plus(Duration.ofHours(1)).getEpochSecond());
        VerifiedTokens.remembered("good.token.sig", verifier, at(Duration.ZERO));
        assertThrows(ParseException.class, () -> VerifiedTokens.remembered("good.token.sih", verifier, at(Duration.ZERO)));
        assertThrows(ParseException.class, () -> VerifiedTokens.remembered("good.token.sih", verifier, at(Duration.ZERO)));
        assertEquals(3, verifications.get(), "the refused token was verified (and refused) each time");
    }

    @Test
    void theCacheStaysBounded() throws Exception {
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES; i++) {
            expiries.put("t" + i, NOW.plus(Duration.ofHours(1)).getEpochSecond());
            VerifiedTokens.remembered("t" + i, verifier, at(Duration.ZERO));
        }
        assertTrue(VerifiedTokens.size() <= VerifiedTokens.MAX_ENTRIES, "size " + VerifiedTokens.size());
    }
}
