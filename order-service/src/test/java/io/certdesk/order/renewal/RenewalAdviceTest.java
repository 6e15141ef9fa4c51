package io.certdesk.order.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where inside the CA's suggested window (RFC 9773) a certificate is replaced. */
class RenewalAdviceTest {

    private final RenewalAdvice advice = new RenewalAdvice(null, config(14), null);

    private static CertificateTerm term(String certificateId, Instant expires) {
        CertificateTerm t = new CertificateTerm();
        t.certificateId = certificateId;
        t.certificateExpiresAt = expires;
        return t;
    }

    @Test
    void aTimeInsideTheWindowTheSameForTheSameCertificateAndSpreadOverOthers() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        Instant start = Instant.parse("2030-01-10T00:00:00Z");
        Instant end = Instant.parse("2030-01-12T00:00:00Z");
        Instant expires = Instant.parse("2030-02-10T00:00:00Z");
        Instant a = advice.within(term("cert-a", expires), start, end, now);
        assertTrue(!a.isBefore(start) && a.isBefore(end), a.toString());
        assertEquals(a, advice.within(term("cert-a", expires), start, end, now), "asked again: the same time");
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> advice.within(term("cert-" + i, expires), start, end, now)).distinct().count();
        assertTrue(distinct > 15, "twenty certificates spread over the window, got " + distinct + " distinct times");
        assertNotEquals(a, advice.within(term("cert-a", expires), start, end.plusSeconds(3600), now),
                "a new window is a new pick");
    }

    @Test
    void aWindowAlreadyOpenOrClosedMeansNowAndNeverLaterThanTheDaysBeforeExpiry() {
        Instant now = Instant.parse("2030-01-11T00:00:00Z");
        Instant expires = Instant.parse("2030-02-10T00:00:00Z");
        // opened yesterday: from now to its end
        Instant open = advice.within(term("c", expires), now.minusSeconds(86400), now.plusSeconds(86400), now);
        assertTrue(!open.isBefore(now) && open.isBefore(now.plusSeconds(86400)), open.toString());
        // closed already (a revocation incident moved it): at once
        assertEquals(now, advice.within(term("c", expires), now.minusSeconds(7200), now.minusSeconds(3600), now));
        // a window past the last acceptable moment (14 days before expiry) is cut to it
        Instant late = advice.within(term("c", expires), expires.minus(Duration.ofDays(5)), expires.minus(Duration.ofDays(2)), now);
        assertEquals(expires.minus(Duration.ofDays(14)), late);
    }

    private static RenewalConfig config(int latestDaysBefore) {
        RenewalConfig.Reissue reissue = (RenewalConfig.Reissue) Proxy.newProxyInstance(RenewalConfig.class.getClassLoader(),
                new Class<?>[] {RenewalConfig.Reissue.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "latestDaysBefore" -> latestDaysBefore;
                    case "ariEvery" -> Duration.ofHours(6);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (RenewalConfig) Proxy.newProxyInstance(RenewalConfig.class.getClassLoader(),
                new Class<?>[] {RenewalConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "reissue" -> reissue;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
