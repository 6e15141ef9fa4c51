package io.certdesk.order.reconcile;

import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Problem;
import io.certdesk.order.platform.ProblemType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the credits of a bank statement as Japanese banks export it: the 全銀協 fixed-length format of file transfer
 * ({@link ZenginStatement}), or CSV for download (UTF-8, or Shift_JIS as most
 * banks still write it) with a header row naming the columns, in any order: the day (取引日, 日付, 勘定日, 年月日),
 * the credit amount (入金金額, 入金額, お預り金額, お預入金額, 入金), the transfer name (振込依頼人名, 依頼人名,
 * 摘要, お取引内容, 内容) and optionally the bank's reference (照会番号, 取引番号). Rows without a credit amount
 * (withdrawals) are skipped. Any row that cannot be read refuses the whole file, naming the rows, so an import is
 * never half done.
 */
public final class StatementParser {

    /** One credit as the bank printed it; {@code row} is its line in the file, 1-based. */
    public record Credit(int row, LocalDate valueDate, long amountJpy, String payerName, String reference) {
    }

    private static final List<String> DATE = List.of("取引日", "日付", "勘定日", "年月日", "お取引日", "入出金日");
    private static final List<String> CREDIT = List.of("入金金額", "入金額", "お預り金額", "お預入金額", "お預かり金額", "入金");
    private static final List<String> PAYER = List.of("振込依頼人名", "依頼人名", "振込依頼人", "摘要", "お取引内容", "内容", "取引内容");
    private static final List<String> REFERENCE = List.of("照会番号", "取引番号", "受付番号");
    private static final int MAX_ROWS = 20_000;
    private static final Pattern WESTERN = Pattern.compile("^(\\d{4})[/.\\-年](\\d{1,2})[/.\\-月](\\d{1,2})日?$");
    private static final Pattern ERA = Pattern.compile("^(R|令和)\\s*(\\d{1,2})[./年-](\\d{1,2})[./月-](\\d{1,2})日?$");

    private StatementParser() {
    }

    public static List<Credit> parse(byte[] file) {
        return parse(file, LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")));
    }

    /** As {@link #parse(byte[])}, with the day the 全銀協 format's two-digit years are read against. */
    static List<Credit> parse(byte[] file, LocalDate today) {
        if (ZenginStatement.looksLike(file)) {
            try {
                return ZenginStatement.parse(file, today);
            } catch (IllegalArgumentException e) {
                throw invalid("全銀協 file: " + e.getMessage() + " (nothing was imported)");
            }
        }
        String text = decode(file);
        List<List<String>> rows = csv(text);
        if (rows.isEmpty()) {
            throw invalid("the file is empty; export the statement as CSV with its header row");
        }
        List<String> header = rows.get(0).stream().map(StatementParser::clean).toList();
        int date = column(header, DATE);
        int credit = column(header, CREDIT);
        int payer = column(header, PAYER);
        int reference = column(header, REFERENCE);
        if (date < 0 || credit < 0 || payer < 0) {
            throw invalid("the header row must name the day (one of " + DATE + "), the credit amount (one of " + CREDIT
                    + ") and the transfer name (one of " + PAYER + "); it has " + header);
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw invalid("the file has " + (rows.size() - 1) + " rows; import at most " + MAX_ROWS + " at once");
        }
        List<Credit> credits = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = i + 1;
            String amountText = cell(row, credit);
            if (amountText.isEmpty()) {
                continue; // a withdrawal
            }
            try {
                long amount = amount(amountText);
                LocalDate day = day(cell(row, date));
                String name = cell(row, payer);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("no transfer name");
                }
                if (name.length() > 200) {
                    throw new IllegalArgumentException("transfer name longer than 200 characters");
                }
                String ref = reference < 0 ? null : cell(row, reference);
                credits.add(new Credit(line, day, amount, name, ref == null || ref.isEmpty() ? null : ref));
            } catch (RuntimeException e) {
                bad.add("row " + line + ": " + e.getMessage());
                if (bad.size() == 20) {
                    break;
                }
            }
        }
        if (!bad.isEmpty()) {
            throw invalid("rows that cannot be read (nothing was imported): " + String.join("; ", bad));
        }
        return credits;
    }

    /** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Shift_JIS (Windows-31J, as banks write it). */
    static String decode(byte[] file) {
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return utf8.startsWith("\uFEFF") ? utf8.substring(1) : utf8;
        } catch (CharacterCodingException notUtf8) {
            try {
                return Charset.forName("Windows-31J").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            } catch (CharacterCodingException e) {
                throw invalid("the file is neither UTF-8 nor Shift_JIS text");
            }
        }
    }

    /** RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside them. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw invalid("a quoted field is never closed");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static int column(List<String> header, List<String> names) {
        for (String name : names) {
            int i = header.indexOf(name);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String clean(String s) {
        // 入金金額（円） and 入金金額(円) are 入金金額: the unit goes first, then the brackets and spaces
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replace("(円)", "").replaceAll("[\\s()（）]", "");
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() ? row.get(i).strip() : "";
    }

    static long amount(String text) {
        String digits = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[,\\s¥￥円]", "");
        if (!digits.matches("[0-9]{1,10}")) {
            throw new IllegalArgumentException("credit amount '" + text + "' is not a whole number of yen");
        }
        long amount = Long.parseLong(digits);
        if (amount == 0) {
            throw new IllegalArgumentException("credit amount is 0");
        }
        return amount;
    }

    static LocalDate day(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
        Matcher era = ERA.matcher(t);
        try {
            if (era.matches()) {
                // 令和: 2019 is 令和元年 (1)
                return LocalDate.of(2018 + Integer.parseInt(era.group(2)), Integer.parseInt(era.group(3)),
                        Integer.parseInt(era.group(4)));
            }
            Matcher m = WESTERN.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (t.matches("\\d{8}")) {
                return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                        Integer.parseInt(t.substring(6)));
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("day '" + text + "' does not exist");
        }
        throw new IllegalArgumentException("day '" + text + "' is not a date such as 2026/12/01, 2026-12-01 or R8.12.1");
    }

    private static DomainException invalid(String message) {
        return new DomainException(ProblemType.VALIDATION, "statement: " + message,
                List.of(new Problem.Violation("statement", message)));
    }
}
