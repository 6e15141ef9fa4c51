package io.certdesk.order.payment;

/** How a payment splits into the part the invoice still needed and the part beyond it. */
public final class PaymentMath {

    /** The split of one payment. */
    public record Outcome(long appliedJpy, long overpaymentJpy) {
    }

    private PaymentMath() {
    }

    /** Applies {@code amountJpy} to an invoice of {@code totalJpy} of which {@code paidJpy} is already paid. */
    public static Outcome apply(long totalJpy, long paidJpy, long amountJpy) {
        if (amountJpy <= 0 || paidJpy < 0 || paidJpy > totalJpy) {
            throw new IllegalArgumentException("amount must be positive and 0 <= paid <= total");
        }
        long due = totalJpy - paidJpy;
        long applied = Math.min(due, amountJpy);
        return new Outcome(applied, amountJpy - applied);
    }
}
