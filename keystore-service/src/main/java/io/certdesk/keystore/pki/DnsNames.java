package io.certdesk.keystore.pki;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DNS names as a CA validates them for a TLS certificate: IDNs in punycode, lower case, letters,
 * digits and inner hyphens only (no underscores), labels of 1-63 and names of at most 253 characters,
 * at least two labels, and a wildcard only as the whole left-most label.
 */
public final class DnsNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private DnsNames() {
    }

    /** The canonical name, or throws {@link IllegalArgumentException} whose message says what is wrong. */
    public static String canonical(String name, boolean wildcardAllowed) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        String s = name.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean wildcard = s.startsWith("*.");
        if (wildcard && !wildcardAllowed) {
            throw new IllegalArgumentException("'" + name + "': wildcards are not allowed here");
        }
        String rest = wildcard ? s.substring(2) : s;
        if (rest.contains("*")) {
            throw new IllegalArgumentException("'" + name + "': a wildcard may only be the whole left-most label");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(rest, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a valid domain name (letters, digits and hyphens; no underscores)");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw new IllegalArgumentException("'" + name + "' must be a fully qualified domain name");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("'" + name + "': label '" + label
                        + "' is not valid (1-63 letters, digits or inner hyphens)");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + name + "': the top-level label cannot be numeric");
        }
        String result = wildcard ? "*." + ascii : ascii;
        if (result.length() > 253) {
            throw new IllegalArgumentException("'" + name + "' is longer than 253 characters");
        }
        return result;
    }
}
