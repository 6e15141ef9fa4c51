package io.certdesk.order.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The wait between delivery attempts doubles from the first delay and stops growing at the cap. */
class BackoffTest {

    @ParameterizedTest(name = "after {0} failures: {1}s")
    @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "7, 1920", "8, 3600", "9, 3600", "31, 3600", "1000, 3600"})
    void doublesUpToTheCap(int failures, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), Backoff.after(failures, Duration.ofSeconds(30), Duration.ofHours(1)));
    }

    @Test
    void thereIsNoWaitBeforeTheFirstFailure() {
        assertThrows(IllegalArgumentException.class, () -> Backoff.after(0, Duration.ofSeconds(30), Duration.ofHours(1)));
    }
}
