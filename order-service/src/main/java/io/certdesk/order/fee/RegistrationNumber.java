package io.certdesk.order.fee;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A qualified-invoice issuer registration number of a company: T and its 法人番号 (corporate number), whose first
 * digit checks the other twelve (法人番号の指定等に関する省令 第2条: 9 − (Σ Pn × Qn mod 9), Pn the n-th digit from the
 * right of the twelve, Qn 1 for odd n and 2 for even n). Malformed values are left to the pattern.
 */
@Documented
@Constraint(validatedBy = RegistrationNumber.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RegistrationNumber {

    String message() default "has a wrong check digit: the first of the 13 digits must check the other twelve "
            + "(a company's registration number is T and its corporate number)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Verifies the check digit of a T + 13 digits value. */
    class Check implements ConstraintValidator<RegistrationNumber, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !value.matches("T[0-9]{13}") || valid(value);
        }

        /** Whether {@code number} (T + 13 digits) carries the right check digit. */
        public static boolean valid(String number) {
            int sum = 0;
            for (int n = 1; n <= 12; n++) {
                int digit = number.charAt(number.length() - n) - '0';
                sum += digit * (n % 2 == 1 ? 1 : 2);
            }
            return number.charAt(1) - '0' == 9 - sum % 9;
        }
    }
}
