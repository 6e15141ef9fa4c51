package io.certdesk.order.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a payment splits into the applied part and the overpayment. */
class PaymentMathTest {

    @ParameterizedTest(name = "total {0}, paid {1}, paying {2} → applied {3}, over {4}")
    @CsvSource({
            "61600, 0, 61600, 61600, 0",      // exact
            "61600, 0, 30000, 30000, 0",      // partial
            "61600, 30000, 31600, 31600, 0",  // completing
            "61600, 30000, 40000, 31600, 8400", // completing with excess
            "61600, 61600, 1000, 0, 1000",    // already paid: all excess
            "1, 0, 1, 1, 0",
    })
    void splits(long total, long paid, long amount, long applied, long over) {
        assertEquals(new PaymentMath.Outcome(applied, over), PaymentMath.apply(total, paid, amount));
    }

    @Test
    void refusesNonPositiveAmountsAndInconsistentInvoices() {
        assertThrows(IllegalArgumentException.class, () -> PaymentMath.apply(100, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> PaymentMath.apply(100, 0, -5));
        assertThrows(IllegalArgumentException.class, () -> PaymentMath.apply(100, 101, 5));
    }
}
