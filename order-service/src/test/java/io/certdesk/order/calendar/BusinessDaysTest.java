package io.certdesk.order.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Japanese business days: national holidays from the library, 年末年始 and extra days from configuration. */
class BusinessDaysTest {

    private final BusinessDays days = new BusinessDays(List.of("12-29..01-03"), List.of(LocalDate.of(2031, 3, 21)));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void nationalHolidaysSubstituteAndSandwichedDaysAreClosed() {
        assertEquals("元日", days.closedBecause(d("2027-01-01")));
        assertEquals("成人の日", days.closedBecause(d("2027-01-11")));
        assertEquals("春分の日", days.closedBecause(d("2028-03-20")));
        // 2027-03-21 (春分の日) is a Sunday: Monday is a substitute holiday
        assertEquals("日曜日", days.closedBecause(d("2027-03-21")));
        assertFalse(days.isBusinessDay(d("2027-03-22")));
        // Silver Week 2026: 敬老の日, the day between (国民の休日) and 秋分の日
        assertEquals("敬老の日", days.closedBecause(d("2026-09-21")));
        assertFalse(days.isBusinessDay(d("2026-09-22")));
        assertEquals("秋分の日", days.closedBecause(d("2026-09-23")));
        assertTrue(days.isBusinessDay(d("2026-09-24")));
        assertEquals("土曜日", days.closedBecause(d("2026-12-05")));
    }

    @Test
    void goldenWeek2026ClosesAroundATuesdayToWednesdayThatIsASubstituteHoliday() {
        // 4/29 昭和の日 (Wed), 5/3 憲法記念日 (Sun), 5/4 みどりの日, 5/5 こどもの日, 5/6 振替休日
        assertEquals("昭和の日", days.closedBecause(d("2026-04-29")));
        assertTrue(days.isBusinessDay(d("2026-04-30")));
        assertTrue(days.isBusinessDay(d("2026-05-01")));
        for (String closed : List.of("2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06")) {
            assertFalse(days.isBusinessDay(d(closed)), closed);
        }
        assertEquals(d("2026-05-07"), days.onOrAfter(d("2026-05-02")));
        assertEquals(d("2026-05-07"), days.plus(d("2026-05-01"), 1));
        assertEquals(d("2026-04-30"), days.minus(d("2026-05-07"), 2));
    }

    @Test
    void yearEndAndNewYearAreClosedAcrossTheYearBoundary() {
        assertTrue(days.isBusinessDay(d("2026-12-28")));
        for (String closed : List.of("2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02",
                "2027-01-03")) {
            assertFalse(days.isBusinessDay(d(closed)), closed);
        }
        assertEquals("年末年始・休業日", days.closedBecause(d("2026-12-30")));
        assertEquals(d("2027-01-04"), days.onOrAfter(d("2026-12-29")));
        // an invoice issued on 2026-12-17 is due 14 days later, 12-31, which is moved to 2027-01-04
        assertEquals(d("2027-01-04"), days.onOrAfter(d("2026-12-17").plusDays(14)));
        // two business days before a launch on 2027-01-05: 2026-12-28
        assertEquals(d("2026-12-28"), days.minus(d("2027-01-05"), 2));
    }

    @Test
    void extraDaysFromConfigurationCorrectWhatTheLibraryDoesNotKnowYet() {
        assertEquals("休業日", days.closedBecause(d("2031-03-21")));
        assertNull(new BusinessDays(List.of(), List.of()).closedBecause(d("2026-12-30")), "no company days configured");
    }

    @Test
    void aWrongCompanyDayStopsTheStartWithWhatIsWrong() {
        for (String bad : List.of("12/29", "13-01", "12-29..", "x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new BusinessDays(List.of(bad), List.of()), bad);
            assertTrue(e.getMessage().contains("MM-DD"), e.getMessage());
        }
    }
}
