package io.certdesk.order.renewal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * When a paid term's certificate is replaced. A certificate is replaced when a share of its lifetime is left (1/3
 * by default), never later than some days before it expires (14); its lifetime counts as what the CA gave it, but
 * never longer than the dated rule in force on its issue day allows (SC-081: 200 days from 2026-03-15, 100 from
 * 2027-03-15, 47 from 2029-03-15), so a CA that signs longer still gets the certificate replaced on time. A
 * certificate that lasts past the term's end is not replaced: the renewal of the term brings the next one.
 */
@ApplicationScoped
public class ReissuePlan {

    private final NavigableMap<LocalDate, Integer> maxDays;
    private final long leftNumerator;
    private final long leftDenominator;
    private final Duration latest;

    @Inject
    public ReissuePlan(RenewalConfig config) {
        this(config.reissue().maxLifetime(), config.reissue().whenLeft(), config.reissue().latestDaysBefore());
    }

    /** From the configuration's text; a wrong entry stops the start with what is wrong. */
    public ReissuePlan(List<String> maxLifetime, String whenLeft, int latestDaysBefore) {
        this.maxDays = lifetimes(maxLifetime);
        long[] fraction = fraction(whenLeft);
        this.leftNumerator = fraction[0];
        this.leftDenominator = fraction[1];
        if (latestDaysBefore < 0) {
            throw new IllegalArgumentException("certdesk.renewals.reissue.latest-days-before must not be negative");
        }
        this.latest = Duration.ofDays(latestDaysBefore);
    }

    /** The longest lifetime in days of a certificate issued on {@code day} (Asia/Tokyo). */
    public int maxLifetimeDays(LocalDate day) {
        Map.Entry<LocalDate, Integer> rule = maxDays.floorEntry(day);
        return (rule != null ? rule : maxDays.firstEntry()).getValue();
    }

    /** When the certificate valid from {@code validFrom} to {@code notAfter} is to be replaced. */
    public Instant reissueAt(Instant validFrom, Instant notAfter) {
        Instant cap = validFrom.plus(Duration.ofDays(maxLifetimeDays(LocalDate.ofInstant(validFrom, Terms.TOKYO))));
        Instant end = notAfter.isAfter(cap) ? cap : notAfter;
        long lifetime = Duration.between(validFrom, end).getSeconds();
        Duration left = Duration.ofSeconds(Math.multiplyExact(lifetime, leftNumerator) / leftDenominator);
        Instant at = end.minus(left.compareTo(latest) > 0 ? left : latest);
        return at.isBefore(validFrom) ? validFrom : at;
    }

    /** As {@link #reissueAt(Instant, Instant)}, or null when the certificate lasts past the term's last day. */
    public Instant reissueAt(Instant validFrom, Instant notAfter, LocalDate termEndsOn) {
        return notAfter.isBefore(endOf(termEndsOn)) ? reissueAt(validFrom, notAfter) : null;
    }

    /** The moment a term whose last day is {@code endsOn} ends: midnight after it, Asia/Tokyo. */
    public static Instant endOf(LocalDate endsOn) {
        return endsOn.plusDays(1).atStartOfDay(Terms.TOKYO).toInstant();
    }

    /** A certificate of a planned term: issued, expiring, and replaced on these days (null: it lasts the term). */
    public record Planned(LocalDate issuedOn, LocalDate expiresOn, int lifetimeDays, LocalDate reissueOn) {
    }

    /**
     * The certificates that cover a term from {@code startsOn} to {@code endsOn} when the CA signs each for the
     * longest lifetime allowed on its issue day and each is replaced on its reissue day: what staff and the README
     * show customers.
     */
    public List<Planned> plan(LocalDate startsOn, LocalDate endsOn) {
        List<Planned> planned = new ArrayList<>();
        LocalDate issued = startsOn;
        while (planned.size() < 1000) {
            int days = maxLifetimeDays(issued);
            Instant from = issued.atStartOfDay(Terms.TOKYO).toInstant();
            Instant notAfter = from.plus(Duration.ofDays(days));
            Instant at = reissueAt(from, notAfter, endsOn);
            LocalDate reissueOn = at == null ? null : LocalDate.ofInstant(at, Terms.TOKYO);
            planned.add(new Planned(issued, LocalDate.ofInstant(notAfter, Terms.TOKYO), days, reissueOn));
            if (reissueOn == null || !reissueOn.isAfter(issued)) {
                break;
            }
            issued = reissueOn;
        }
        return planned;
    }

    private static NavigableMap<LocalDate, Integer> lifetimes(List<String> entries) {
        NavigableMap<LocalDate, Integer> table = new TreeMap<>();
        for (String entry : entries) {
            String[] parts = entry.strip().split("=", 2);
            try {
                LocalDate from = LocalDate.parse(parts[0].strip());
                int days = Integer.parseInt(parts[1].strip());
                if (days < 1 || table.put(from, days) != null) {
                    throw new IllegalArgumentException();
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("certdesk.renewals.reissue.max-lifetime: '" + entry + "' is not "
                        + "DATE=DAYS with a date given once and at least one day (e.g. 2027-03-15=100)");
            }
        }
        if (table.isEmpty()) {
            throw new IllegalArgumentException("certdesk.renewals.reissue.max-lifetime needs at least one DATE=DAYS entry");
        }
        return table;
    }

    /** The share as an exact numerator and denominator: "1/3" stays a third, "0.25" is 25/100. */
    private static long[] fraction(String text) {
        try {
            String t = text.strip();
            BigDecimal numerator;
            BigDecimal denominator;
            if (t.contains("/")) {
                String[] parts = t.split("/", 2);
                numerator = new BigDecimal(parts[0].strip());
                denominator = new BigDecimal(parts[1].strip());
            } else {
                numerator = new BigDecimal(t);
                denominator = BigDecimal.ONE;
            }
            int scale = Math.max(0, Math.max(numerator.scale(), denominator.scale()));
            long n = numerator.movePointRight(scale).longValueExact();
            long d = denominator.movePointRight(scale).longValueExact();
            if (n <= 0 || d <= 0 || n >= d || d > 1_000_000_000L) {
                throw new IllegalArgumentException();
            }
            return new long[] {n, d};
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("certdesk.renewals.reissue.when-left: '" + text + "' is not a share "
                    + "between 0 and 1 (e.g. 1/3 or 0.25)");
        }
    }
}
