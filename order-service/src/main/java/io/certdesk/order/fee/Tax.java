package io.certdesk.order.fee;

/**
 * Consumption tax arithmetic for tax-included prices.
 *
 * <p>The rule (qualified invoice system, 適格請求書): tax is computed once per tax rate on the sum of the
 * tax-included amounts at that rate, never per line, and fractions of a yen are rounded down:
 * {@code contained = floor(amount × rate / (100 + rate))}. 23,100 JPY at 10% contains 2,100 JPY; 10,500 JPY
 * contains 954 JPY (954.54… rounded down).
 */
public final class Tax {

    private Tax() {
    }

    /** The consumption tax contained in a tax-included {@code amountJpy} at {@code ratePercent}, rounded down. */
    public static long contained(long amountJpy, int ratePercent) {
        if (amountJpy < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amountJpy);
        }
        if (ratePercent < 0 || ratePercent > 100) {
            throw new IllegalArgumentException("rate must be 0..100 percent: " + ratePercent);
        }
        // multiplyExact: an overflow must fail loudly rather than produce a wrong tax.
        return Math.floorDiv(Math.multiplyExact(amountJpy, (long) ratePercent), 100L + ratePercent);
    }
}
