package io.certdesk.order.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The name an uploaded file keeps: only its base name (whatever directories a browser or a hostile client put
 * before it, with / or \), in Unicode NFC, without control or format characters and without the characters
 * Windows refuses in file names, without leading dots or spaces, and at most {@value #MAX_LENGTH} characters
 * with its extension kept. It is sent back in {@code Content-Disposition} as an ASCII fallback and as the
 * RFC 5987 {@code filename*} a browser shows, so a Japanese name arrives intact and no name breaks the header.
 */
public final class FileNames {

    static final int MAX_LENGTH = 120;

    private FileNames() {
    }

    /** The safe base name of {@code supplied}, or null when nothing usable is left. */
    public static String safe(String supplied) {
        if (supplied == null) {
            return null;
        }
        String name = Normalizer.normalize(supplied, Normalizer.Form.NFC);
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                return;
            }
            kept.appendCodePoint("\"*:<>?|".indexOf(cp) >= 0 ? '_' : cp);
        });
        String cleaned = kept.toString().strip().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            int dot = cleaned.lastIndexOf('.');
            String extension = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            String stem = cleaned.substring(0, cleaned.length() - extension.length());
            int keep = MAX_LENGTH - extension.length();
            stem = stem.substring(0, stem.offsetByCodePoints(0, Math.min(keep, stem.codePointCount(0, stem.length()))));
            cleaned = stem + extension;
        }
        return cleaned;
    }

    /** {@code attachment} with an ASCII fallback name and the exact name as RFC 5987 {@code filename*}. */
    public static String contentDisposition(String name) {
        String fallback = name.codePoints().mapToObj(cp -> cp < 0x20 || cp > 0x7E || cp == '"' || cp == '\\' || cp == '%'
                ? "_" : Character.toString(cp)).collect(java.util.stream.Collectors.joining());
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
