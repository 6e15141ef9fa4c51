package io.certdesk.order.platform;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Host names as a CA and a TLS server see them: IDNs in punycode, lower case, strict LDH labels. */
public final class DomainNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private DomainNames() {
    }

    /**
     * The canonical ASCII form of {@code name}, or empty with the reason in {@code problem} when the
     * name is not a valid fully qualified host name of at least two labels.
     */
    public static Result canonical(String name) {
        if (name == null || name.isBlank()) {
            return Result.invalid("must not be blank");
        }
        String trimmed = name.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(trimmed, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Result.invalid("is not a valid internationalised domain name");
        }
        if (ascii.length() > 253) {
            return Result.invalid("is longer than 253 characters");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Result.invalid("must be a fully qualified name such as www.example.co.jp");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Result.invalid("label '" + label + "' is not valid (letters, digits and inner hyphens, 1-63 characters)");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Result.invalid("the top-level label cannot be numeric");
        }
        return new Result(Optional.of(ascii), null);
    }

    /** The outcome of {@link #canonical(String)}. */
    public record Result(Optional<String> name, String problem) {
        static Result invalid(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }
}
