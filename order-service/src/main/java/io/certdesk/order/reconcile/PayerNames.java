package io.certdesk.order.reconcile;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transfer names (振込名義) as banks print them, and customers' kana names, brought to one comparable key: NFKC
 * (half-width ｶﾌﾞｼｷｶﾞｲｼｬ becomes カブシキガイシャ, with its voiced marks), small kana as banks write them in large
 * (ャ → ヤ), long-vowel marks and hyphens as one, spaces and punctuation dropped, and the legal form dropped wherever
 * it stands: the bank's abbreviations カ) (カ ユ) (ユ ド) シヤ) … and the spelled-out カブシキガイシヤ, ユウゲンガイシヤ,
 * ゴウドウガイシヤ … of the customer's name. A leading number (the invoice number customers are asked to put before
 * their name) is taken apart as a hint.
 */
public final class PayerNames {

    /** A transfer name taken apart: the invoice-number hint before it (or null) and the comparable key. */
    public record Parsed(String hint, String key) {
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*([0-9]{1,10})[\\s.\\-]*(.*)$");

    /** Abbreviated legal forms as banks print them, after NFKC: カ) and (カ for 株式会社, and so on. */
    private static final List<String> ABBREVIATIONS = List.of("カ", "ユ", "ド", "メ", "シ", "ゴ", "シヤ", "ザイ", "シユウ",
            "イ", "ガク", "トク", "ソ", "エイ", "ギヨ", "ノウ", "キヨウ", "フク", "ダ", "ホ", "セイ", "ケン");

    private static final List<String> ABBREVIATIONS_LONGEST_FIRST = ABBREVIATIONS.stream()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();

    /** Spelled-out legal forms as customers give their kana name. */
    private static final List<String> SPELLED = List.of("カブシキガイシヤ", "ユウゲンガイシヤ", "ゴウドウガイシヤ",
            "ゴウシガイシヤ", "ゴウメイガイシヤ", "イツパンシヤダンホウジン", "イツパンザイダンホウジン", "イツパンシヤダン",
            "トクテイヒエイリカツドウホウジン", "イリヨウホウジン", "ガツコウホウジン", "シヤカイフクシホウジン");

    private PayerNames() {
    }

    /** The transfer name's hint and key. */
    public static Parsed parse(String transferName) {
        String text = transferName == null ? "" : Normalizer.normalize(transferName, Normalizer.Form.NFKC);
        Matcher m = LEADING_NUMBER.matcher(text);
        if (m.matches() && !m.group(2).isBlank()) {
            return new Parsed(m.group(1).replaceFirst("^0+(?=.)", ""), key(m.group(2)));
        }
        return new Parsed(null, key(text));
    }

    /** The comparable key of a name (a transfer name without its hint, or a customer's kana name). */
    public static String key(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC).toUpperCase(java.util.Locale.ROOT);
        s = s.replace('ァ', 'ア').replace('ィ', 'イ').replace('ゥ', 'ウ').replace('ェ', 'エ').replace('ォ', 'オ')
                .replace('ッ', 'ツ').replace('ャ', 'ヤ').replace('ュ', 'ユ').replace('ョ', 'ヨ').replace('ヮ', 'ワ')
                .replace('ヵ', 'カ').replace('ヶ', 'ケ');
        // long vowels and hyphens in all their forms are one mark
        s = s.replaceAll("[\\-‐‑‒–—―−ｰー]", "ー");
        // the bank's abbreviations in brackets, on either side of the name: カ) ... / (カ ... / ... (カ
        for (String form : ABBREVIATIONS_LONGEST_FIRST) {
            s = s.replace("(" + form + ")", " ").replace(form + ")", " ").replace("(" + form, " ");
        }
        for (String form : SPELLED) {
            s = s.replace(form, "");
        }
        return s.replaceAll("[\\s\\p{Punct}・.,、。「」『』()（）]", "");
    }
}
