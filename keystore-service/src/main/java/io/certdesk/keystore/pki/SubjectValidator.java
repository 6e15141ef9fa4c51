package io.certdesk.keystore.pki;

import io.certdesk.keystore.platform.DomainNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks a requested subject the way a CA does before accepting a CSR; collects every problem. */
public final class SubjectValidator {

    /** Subject attributes longer than this are refused by CAs (X.520 upper bounds). */
    private static final int MAX_ATTRIBUTE = 64;
    private static final int MAX_SANS = 100;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** One field with what is wrong with it. */
    public record Problem(String field, String message) {
    }

    /** The request failed validation; every problem is listed. */
    public static class InvalidSubjectException extends RuntimeException {
        private final transient List<Problem> problems;

        InvalidSubjectException(List<Problem> problems) {
            super(problems.get(0).field() + ": " + problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private SubjectValidator() {
    }

    public static CsrSubject validate(CsrSubject.ValidationLevel level, String commonName, String organization,
            String organizationalUnit, String locality, String state, String country, List<String> sans) {
        List<Problem> problems = new ArrayList<>();
        if (level == null) {
            problems.add(new Problem("validationLevel", "must be DV, OV or EV"));
            throw new InvalidSubjectException(problems);
        }
        boolean wildcardAllowed = level != CsrSubject.ValidationLevel.EV;
        String cn = null;
        try {
            cn = DomainNames.canonical(commonName, wildcardAllowed).orThrow();
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("commonName", e.getMessage()));
        }
        if (cn != null && cn.length() > MAX_ATTRIBUTE) {
            problems.add(new Problem("commonName", "must be at most " + MAX_ATTRIBUTE
                    + " characters (CAs refuse longer common names); use a shorter name as CN"));
            cn = null;
        }
        Set<String> names = new LinkedHashSet<>();
        if (cn != null) {
            names.add(cn);
        }
        List<String> requested = sans == null ? List.of() : sans;
        if (requested.size() > MAX_SANS) {
            problems.add(new Problem("subjectAlternativeNames", "at most " + MAX_SANS + " names"));
        }
        Set<String> requestedCanonical = new LinkedHashSet<>();
        for (int i = 0; i < requested.size() && i < MAX_SANS; i++) {
            try {
                requestedCanonical.add(DomainNames.canonical(requested.get(i), wildcardAllowed).orThrow());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("subjectAlternativeNames[" + i + "]", e.getMessage()));
            }
        }
        if (cn != null && !requestedCanonical.isEmpty() && !requestedCanonical.contains(cn)) {
            problems.add(new Problem("commonName", "must be one of the subject alternative names"));
        }
        names.addAll(requestedCanonical);

        String o = trimToNull(organization);
        String ou = trimToNull(organizationalUnit);
        String l = trimToNull(locality);
        String st = trimToNull(state);
        String c = trimToNull(country);
        if (c != null) {
            c = c.toUpperCase(Locale.ROOT);
            if (!c.matches("[A-Z]{2}") || !COUNTRIES.contains(c)) {
                problems.add(new Problem("country", "must be a two-letter ISO 3166 country code such as JP"));
            }
        }
        if (level == CsrSubject.ValidationLevel.DV) {
            forbid(problems, "organization", o);
            forbid(problems, "organizationalUnit", ou);
            forbid(problems, "locality", l);
            forbid(problems, "state", st);
        } else {
            require(problems, "organization", o, level);
            require(problems, "locality", l, level);
            require(problems, "state", st, level);
            require(problems, "country", c, level);
        }
        checkLength(problems, "organization", o);
        checkLength(problems, "organizationalUnit", ou);
        checkLength(problems, "locality", l);
        checkLength(problems, "state", st);
        if (!problems.isEmpty()) {
            throw new InvalidSubjectException(problems);
        }
        return new CsrSubject(level, cn, o, ou, l, st, c, List.copyOf(names));
    }

    private static void forbid(List<Problem> problems, String field, String value) {
        if (value != null) {
            problems.add(new Problem(field, "must be empty for a DV certificate (the CA does not validate it)"));
        }
    }

    private static void require(List<Problem> problems, String field, String value, CsrSubject.ValidationLevel level) {
        if (value == null) {
            problems.add(new Problem(field, "is required for an " + level + " certificate"));
        }
    }

    private static void checkLength(List<Problem> problems, String field, String value) {
        if (value != null && value.length() > MAX_ATTRIBUTE) {
            problems.add(new Problem(field, "must be at most " + MAX_ATTRIBUTE + " characters"));
        }
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
