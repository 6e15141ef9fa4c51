package io.certdesk.keystore.platform;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Free-text list filters ({@code q}): the text is normalised (NFKC, lower case) and its LIKE wildcards escaped, so a
 * customer typing {@code 100%} or full-width letters finds what they see. Queries use {@code escape '!'}.
 */
public final class Searches {

    public static final int MAX_QUERY_LENGTH = 200;

    private Searches() {
    }

    /** The LIKE pattern that finds {@code q} anywhere, for a query written {@code lower(x) like :q escape '!'}. */
    public static String contains(String q) {
        String text = Normalizer.normalize(q.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (text.length() > MAX_QUERY_LENGTH) {
            throw DomainException.invalid("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
