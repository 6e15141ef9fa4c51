package io.certdesk.order.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contained-tax rule: floor(amount × rate / (100 + rate)), per rate, on tax-included amounts. */
class TaxTest {

    @ParameterizedTest(name = "{0} JPY at {1}% contains {2} JPY")
    @CsvSource({
            // the published fees
            "23100, 10, 2100",
            "10500, 10, 954",      // 954.54… rounds down
            // CA fee + setup fee of a typical DV quote
            "61600, 10, 5600",
            // rounding boundaries: 10/110 of these are just below, at and just above a whole yen
            "10, 10, 0",           // 0.909…
            "11, 10, 1",           // exactly 1
            "21, 10, 1",           // 1.909…
            "109, 10, 9",          // 9.909…
            "110, 10, 10",
            "1, 10, 0",
            "0, 10, 0",
            // reduced rate (8%) and zero rate
            "1080, 8, 80",
            "1079, 8, 79",         // 79.925…
            "5400, 8, 400",
            "23100, 0, 0",
            // large amounts stay exact
            "999999999999, 10, 90909090909",
    })
    void containedTaxRoundsDown(long amount, int rate, long expected) {
        assertEquals(expected, Tax.contained(amount, rate));
    }

    @Test
    void perRateTotalDiffersFromSummingPerLineAndTheTotalWins() {
        // Three lines of 10,500 JPY: per line 954 × 3 = 2,862, but the rule taxes the total once: 2,863.
        assertEquals(2_862, 3 * Tax.contained(10_500, 10));
        assertEquals(2_863, Tax.contained(31_500, 10));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Tax.contained(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> Tax.contained(100, -1));
        assertThrows(IllegalArgumentException.class, () -> Tax.contained(100, 101));
        assertThrows(ArithmeticException.class, () -> Tax.contained(Long.MAX_VALUE, 10));
    }
}
