package io.certdesk.order.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Term ends and notice windows on the calendar: month ends, leap years, the day a window opens. */
class TermsTest {

    @ParameterizedTest(name = "{0} + {1} months ends on {2}")
    @CsvSource({
        "2026-11-30, 12, 2027-11-29",
        "2027-03-01, 12, 2028-02-29",
        "2028-02-29, 12, 2029-02-28",
        "2027-01-31, 1, 2027-02-28",
        "2028-01-31, 1, 2028-02-29",
        "2027-01-30, 1, 2027-02-28",
        "2027-12-31, 12, 2028-12-30",
        "2027-08-31, 24, 2029-08-30"
    })
    void aTermEndsTheDayBeforeTheSameDayOfTheLastMonthOrOnThatMonthsLastDay(LocalDate start, int months, LocalDate end) {
        assertEquals(end, Terms.endOf(start, months));
    }

    @ParameterizedTest(name = "a term ending {0}: on {1} the newest open window is {2}")
    @CsvSource({
        "2027-01-31, 2026-12-31, ",
        "2027-01-31, 2027-01-01, 30",
        "2027-01-31, 2027-01-16, 30",
        "2027-01-31, 2027-01-17, 14",
        "2027-01-31, 2027-01-24, 7",
        "2027-01-31, 2027-01-31, 7",
        "2027-01-31, 2027-02-01, -1",
        "2027-01-31, 2027-02-07, -1",
        "2028-03-30, 2028-02-29, 30",
        "2028-03-30, 2028-02-28, "
    })
    void theNewestWindowOpenOnADay(LocalDate endsOn, LocalDate today, Integer window) {
        assertEquals(window, RenewalNotices.windowOn(endsOn, today, List.of(30, 14, 7, -1)));
    }
}
