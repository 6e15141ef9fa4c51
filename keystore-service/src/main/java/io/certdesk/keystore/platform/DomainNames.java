package io.certdesk.keystore.platform;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host names as a CA and a TLS server see them, one rule for the three services: IDNs in punycode, lower case,
 * strict LDH labels of 1-63 characters (no underscores), names of at most 253 characters and at least two labels,
 * a top-level label that is not numeric, A-labels ({@code xn--}) that decode to the Unicode name they claim and
 * encode back to themselves, no other label with hyphens in the third and fourth positions (reserved by RFC 5891),
 * and a wildcard only as the whole left-most label where the caller allows one.
 */
public final class DomainNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private DomainNames() {
    }

    /** The canonical ASCII form of a host name without wildcard. */
    public static Result canonical(String name) {
        return canonical(name, false);
    }

    /**
     * The canonical ASCII form of {@code name}, or empty with the reason in {@code problem} when the name is not a
     * valid fully qualified host name (with {@code *.} as its whole first label when {@code wildcardAllowed}).
     */
    public static Result canonical(String name, boolean wildcardAllowed) {
        if (name == null || name.isBlank()) {
            return Result.invalid("must not be blank");
        }
        String s = name.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean wildcard = s.startsWith("*.");
        if (wildcard && !wildcardAllowed) {
            return Result.invalid("wildcards are not allowed here");
        }
        String rest = wildcard ? s.substring(2) : s;
        if (rest.contains("*")) {
            return Result.invalid("a wildcard may only be the whole left-most label");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(rest, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Result.invalid("is not a valid domain name (letters, digits and hyphens; no underscores)");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Result.invalid("must be a fully qualified name such as www.example.co.jp");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Result.invalid("label '" + label + "' is not valid (letters, digits and inner hyphens, 1-63 characters)");
            }
            if (label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-') {
                if (!label.startsWith("xn--")) {
                    return Result.invalid("label '" + label + "' has hyphens in the third and fourth positions, which are reserved");
                }
                if (!validALabel(label)) {
                    return Result.invalid("label '" + label + "' is not a valid internationalised (punycode) label");
                }
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Result.invalid("the top-level label cannot be numeric");
        }
        String result = wildcard ? "*." + ascii : ascii;
        if (result.length() > 253) {
            return Result.invalid("is longer than 253 characters");
        }
        return new Result(Optional.of(result), null);
    }

    /** An A-label must decode to a Unicode label that is not plain ASCII and encodes back to exactly itself. */
    private static boolean validALabel(String label) {
        String unicode = IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES);
        if (unicode.equals(label) || unicode.chars().allMatch(c -> c < 0x80)) {
            return false;
        }
        try {
            return IDN.toASCII(unicode, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT).equals(label);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The outcome of {@link #canonical(String, boolean)}. */
    public record Result(Optional<String> name, String problem) {
        static Result invalid(String problem) {
            return new Result(Optional.empty(), problem);
        }

        /** The canonical name, or {@link IllegalArgumentException} with the problem as its message. */
        public String orThrow() {
            return name.orElseThrow(() -> new IllegalArgumentException(problem));
        }
    }
}
