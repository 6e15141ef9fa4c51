package io.certdesk.binding.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What text the three services accept, before it reaches a database, a log, a mail or a certificate. Refused
 * everywhere: NUL and the other C0 control characters (a JSON text may hold tab, line feed and carriage return,
 * which multi-line fields such as PEM need; paths and query parameters hold none), DEL and the C1 controls, lone
 * surrogates (half of a UTF-16 pair, which no encoder can write), Unicode noncharacters, and a text made only of
 * invisible characters (format characters such as U+200B or U+FEFF and fillers such as U+3164, alone or with
 * spaces) that would show as an empty name. Blank text made of ordinary spaces is left to each field's own rule.
 */
public final class TextRules {

    /** The filter is a CDI bean; the rule itself is static. */
    public TextRules() {
    }

    /** Why {@code text} is refused, or null when it is acceptable; {@code lineBreaks} allows tab, LF and CR. */
    public static String problem(String text, boolean lineBreaks) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean visible = false;
        boolean invisible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return "contains half of a UTF-16 surrogate pair (U+" + hex(c) + "), which is not a character";
                }
                int cp = text.codePointAt(i);
                i++;
                if ((cp & 0xFFFE) == 0xFFFE) {
                    return "contains the noncharacter U+" + hex(cp);
                }
                visible = true;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return "contains half of a UTF-16 surrogate pair (U+" + hex(c) + "), which is not a character";
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                if (lineBreaks && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return "contains the control character U+" + hex(c)
                        + (lineBreaks ? "; only tab and line breaks are allowed" : "; none is allowed here");
            }
            if ((c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF) {
                return "contains the noncharacter U+" + hex(c);
            }
            if (invisibleCharacter(c)) {
                invisible = true;
            } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                visible = true;
            }
        }
        return invisible && !visible ? "is made only of invisible characters" : null;
    }

    /** Refuses a request whose path or query parameters break the rule, naming the parameter; 400 problem+json. */
    @ServerRequestFilter(preMatching = true)
    public Response checkPathAndQuery(ContainerRequestContext request) {
        List<Problem.Violation> violations = new ArrayList<>();
        try {
            collect(request, violations);
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.Violation("path", "is not valid percent-encoded UTF-8"));
        }
        if (violations.isEmpty()) {
            return null;
        }
        return ProblemMappers.invalid(violations, request.getUriInfo().getRequestUri().getRawPath());
    }

    private static void collect(ContainerRequestContext request, List<Problem.Violation> violations) {
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            String why = problem(segment.getPath(), false);
            if (why != null) {
                violations.add(new Problem.Violation("path", why));
                break;
            }
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String nameProblem = problem(parameter.getKey(), false);
            if (nameProblem != null) {
                violations.add(new Problem.Violation("query", "a parameter name " + nameProblem));
                continue;
            }
            for (String value : parameter.getValue()) {
                String why = problem(value, false);
                if (why != null) {
                    violations.add(new Problem.Violation(parameter.getKey(), why));
                    break;
                }
            }
        }
    }

    private static boolean invisibleCharacter(char c) {
        return Character.getType(c) == Character.FORMAT || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0
                || c == 0x2800 || c == 0x034F || (c >= 0xFE00 && c <= 0xFE0F);
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }
}
