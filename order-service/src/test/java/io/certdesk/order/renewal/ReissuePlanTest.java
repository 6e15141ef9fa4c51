package io.certdesk.order.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reissue plan with the SC-081 lifetimes: when each certificate of a paid term is replaced. */
class ReissuePlanTest {

    private final ReissuePlan plan = new ReissuePlan(List.of("2020-09-01=398", "2026-03-15=200", "2027-03-15=100",
            "2029-03-15=47"), "1/3", 14);

    private static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Terms.TOKYO).toInstant();
    }

    @Test
    void theLifetimeRuleIsTheOneInForceOnTheIssueDayInTokyo() {
        assertEquals(398, plan.maxLifetimeDays(LocalDate.parse("2026-03-14")));
        assertEquals(200, plan.maxLifetimeDays(LocalDate.parse("2026-03-15")));
        assertEquals(200, plan.maxLifetimeDays(LocalDate.parse("2027-03-14")));
        assertEquals(100, plan.maxLifetimeDays(LocalDate.parse("2027-03-15")));
        assertEquals(100, plan.maxLifetimeDays(LocalDate.parse("2029-03-14")));
        assertEquals(47, plan.maxLifetimeDays(LocalDate.parse("2029-03-15")));
        // 2027-03-14T23:30 in Tokyo is already the 15th nowhere else but still the 14th there: 200 days
        Instant lateOn14th = tokyo("2027-03-14T23:30");
        assertEquals(lateOn14th.plusSeconds(200L * 86400 - 200L * 86400 / 3), plan.reissueAt(lateOn14th,
                lateOn14th.plusSeconds(200L * 86400)));
    }

    @Test
    void aOneYearTermBoughtBeforeThe100DayStepNeedsOneCertificateLessThanOneBoughtAfterIt() {
        List<ReissuePlan.Planned> march10 = plan.plan(LocalDate.parse("2027-03-10"), Terms.endOf(LocalDate.parse("2027-03-10"), 12));
        assertEquals(List.of(
                new ReissuePlan.Planned(LocalDate.parse("2027-03-10"), LocalDate.parse("2027-09-26"), 200, LocalDate.parse("2027-07-21")),
                new ReissuePlan.Planned(LocalDate.parse("2027-07-21"), LocalDate.parse("2027-10-29"), 100, LocalDate.parse("2027-09-25")),
                new ReissuePlan.Planned(LocalDate.parse("2027-09-25"), LocalDate.parse("2028-01-03"), 100, LocalDate.parse("2027-11-30")),
                // expires at the start of the term's last day (2028-03-09): one more is needed
                new ReissuePlan.Planned(LocalDate.parse("2027-11-30"), LocalDate.parse("2028-03-09"), 100, LocalDate.parse("2028-02-04")),
                new ReissuePlan.Planned(LocalDate.parse("2028-02-04"), LocalDate.parse("2028-05-14"), 100, null)), march10);

        List<ReissuePlan.Planned> march20 = plan.plan(LocalDate.parse("2027-03-20"), Terms.endOf(LocalDate.parse("2027-03-20"), 12));
        assertEquals(List.of(
                new ReissuePlan.Planned(LocalDate.parse("2027-03-20"), LocalDate.parse("2027-06-28"), 100, LocalDate.parse("2027-05-25")),
                new ReissuePlan.Planned(LocalDate.parse("2027-05-25"), LocalDate.parse("2027-09-02"), 100, LocalDate.parse("2027-07-30")),
                new ReissuePlan.Planned(LocalDate.parse("2027-07-30"), LocalDate.parse("2027-11-07"), 100, LocalDate.parse("2027-10-04")),
                new ReissuePlan.Planned(LocalDate.parse("2027-10-04"), LocalDate.parse("2028-01-12"), 100, LocalDate.parse("2027-12-09")),
                // 2028 is a leap year: 100 days from 2027-12-09 is 2028-03-18, a day before the term's last day
                new ReissuePlan.Planned(LocalDate.parse("2027-12-09"), LocalDate.parse("2028-03-18"), 100, LocalDate.parse("2028-02-13")),
                new ReissuePlan.Planned(LocalDate.parse("2028-02-13"), LocalDate.parse("2028-05-23"), 100, null)), march20);
    }

    @Test
    void aThirdOfTheLifetimeIsLeftButNeverLessThanFourteenDays() {
        Instant from = tokyo("2029-04-01T12:00");
        // 47 days: a third is 15 d 16 h, more than 14 days
        assertEquals(from.plusSeconds(47L * 86400 - 47L * 86400 / 3), plan.reissueAt(from, from.plusSeconds(47L * 86400)));
        // 30 days: a third (10 days) would be too late; 14 days before the end instead
        assertEquals(from.plusSeconds(16L * 86400), plan.reissueAt(from, from.plusSeconds(30L * 86400)));
        // shorter than 14 days: at once, never before the certificate is valid
        assertEquals(from, plan.reissueAt(from, from.plusSeconds(10L * 86400)));
    }

    @Test
    void aCaThatSignsLongerThanAllowedIsReplacedOnTheAllowedSchedule() {
        Instant from = tokyo("2027-04-01T00:00");
        Instant yearLater = from.plusSeconds(365L * 86400);
        // capped at 100 days: replaced at day 66 h 16, not at day 243
        assertEquals(from.plusSeconds(100L * 86400 - 100L * 86400 / 3), plan.reissueAt(from, yearLater));
    }

    @Test
    void aCertificateThatLastsPastTheTermsLastDayIsNotReissued() {
        Instant from = tokyo("2027-01-01T00:00");
        LocalDate lastDay = LocalDate.parse("2027-04-10");
        // expires at the very end of the last day (midnight after it): covered
        assertNull(plan.reissueAt(from, tokyo("2027-04-11T00:00"), lastDay));
        // one second earlier: not covered, so it is replaced
        assertTrue(plan.reissueAt(from, tokyo("2027-04-10T23:59:59"), lastDay) != null);
    }

    @Test
    void aWrongTableOrShareStopsTheStartWithWhatIsWrong() {
        assertThrows(IllegalArgumentException.class, () -> new ReissuePlan(List.of("2027-03-15"), "1/3", 14));
        assertThrows(IllegalArgumentException.class, () -> new ReissuePlan(List.of("2027-03-15=0"), "1/3", 14));
        assertThrows(IllegalArgumentException.class, () -> new ReissuePlan(List.of("2027-03-15=100", "2027-03-15=47"), "1/3", 14));
        assertThrows(IllegalArgumentException.class, () -> new ReissuePlan(List.of("2027-03-15=100"), "3/2", 14));
        assertThrows(IllegalArgumentException.class, () -> new ReissuePlan(List.of("2027-03-15=100"), "0", 14));
        assertThrows(IllegalArgumentException.class, () -> new ReissuePlan(List.of("2027-03-15=100"), "x", 14));
        assertThrows(IllegalArgumentException.class, () -> new ReissuePlan(List.of("2027-03-15=100"), "1/3", -1));
        // a decimal share: a quarter of 100 days left
        assertEquals(tokyo("2027-06-15T00:00"), new ReissuePlan(List.of("2027-03-15=100"), "0.25", 14)
                .reissueAt(tokyo("2027-04-01T00:00"), tokyo("2027-07-10T00:00")));
    }
}
