package io.certdesk.order.customer;

import java.text.Normalizer;

/**
 * What Japanese staff and customers type, brought to one stored form before it is checked: Unicode NFKC (full-width
 * digits and Latin letters become ASCII, half-width katakana with its sound marks becomes full-width, ｶﾞ becomes ガ),
 * then per field: katakana names accept hiragana as katakana; postal codes accept 〒, full-width digits, any dash or
 * none and are stored as 100-0001; phone numbers accept parentheses (03(1234)5678), full-width digits and dashes and
 * are stored with ASCII hyphens (03-1234-5678). What still does not fit is left for the field's check to refuse.
 */
public final class JapaneseInput {

    /** Dashes people type between digits (after NFKC): hyphen, non-breaking hyphen, figure and en/em dashes, minus, long vowel marks. */
    private static final String DASHES = "[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212\\u30FC\\uFF0D\\u2500-]";

    private JapaneseInput() {
    }

    /** A name in katakana: NFKC, hiragana turned into katakana, spaces made single and trimmed. */
    public static String kana(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(cp >= 0x3041 && cp <= 0x3096 ? cp + 0x60 : cp));
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** A postal code: 〒 and spaces dropped, any dash made '-', seven digits written as 123-4567. */
    public static String postalCode(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("〒", "").replaceAll("\\s+", "")
                .replaceAll(DASHES, "-");
        return s.matches("[0-9]{7}") ? s.substring(0, 3) + "-" + s.substring(3) : s;
    }

    /** A phone number: parentheses and any dash made '-', spaces dropped, no doubled or outer hyphens. */
    public static String phone(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        boolean international = s.startsWith("+");
        s = s.replaceAll("[()]", "-").replaceAll(DASHES, "-").replaceAll("[\\s-]+", "-").replaceAll("^[-+]+|-+$", "");
        return international ? "+" + s : s;
    }
}
