package io.certdesk.order.reconcile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a statement in the 全銀協 fixed-length format banks deliver by file transfer (FB): records of 200 bytes in
 * JIS (Shift_JIS, half-width kana) with or without a line break after each, a header (データ区分 1), data records (2),
 * a trailer (8) and an end record (9). Two kinds are read:
 * <ul>
 * <li>種別コード 01 振込入金通知: every data record is a transfer received; 照会番号 6, 勘定日 6, 起算日 6, 金額 10,
 * うち他店券金額 10, 振込依頼人コード 10, 振込依頼人名 48, 仕向銀行名 15, 仕向店名 15, 取消区分 1, EDI情報 20.</li>
 * <li>種別コード 03 入出金取引明細: 照会番号 8, 勘定日 6, 預入・払出日 6, 入払区分 1 (1 入金, 2 出金), 取引区分 2,
 * 取引金額 12, …, 振込依頼人名又は契約者番号 48 from byte 82, 摘要内容 20 from byte 160; only 入金 records are
 * credits.</li>
 * </ul>
 * Days are 和暦 YYMMDD (令和) as the standard says; a year that would lie more than a year after the file was made is
 * read as the Western YY some banks write instead. A 振込入金通知 trailer's count and total must match the records, and a
 * correction or cancellation record (取消区分 1, 取引区分 19) refuses the file: it undoes an earlier credit that only a
 * person can settle. EBCDIC files (コード区分 1) are refused with that reason.
 */
final class ZenginStatement {

    static final int RECORD = 200;
    private static final Charset JIS = Charset.forName("Windows-31J");

    private ZenginStatement() {
    }

    /**
     * True when the bytes start like a 全銀協 header record: データ区分 1, then 種別コード, コード区分 and 作成日 as ten
     * digits (a CSV header starts with a column name). A file that then turns out truncated or of another kind is
     * refused by {@link #parse} with the reason.
     */
    static boolean looksLike(byte[] file) {
        if (file.length < 10 || file[0] != '1') {
            return false;
        }
        for (int i = 1; i < 10; i++) {
            if (file[i] < '0' || file[i] > '9') {
                return false;
            }
        }
        return true;
    }

    static List<StatementParser.Credit> parse(byte[] file, LocalDate today) {
        List<byte[]> records = records(file);
        byte[] header = records.get(0);
        String kind = ascii(header, 1, 2);
        if (!kind.equals("01") && !kind.equals("03")) {
            throw new IllegalArgumentException("全銀協 種別コード " + kind + " is not a statement of credits; export 振込入金通知 "
                    + "(01) or 入出金取引明細 (03)");
        }
        if (header[3] == '1') {
            throw new IllegalArgumentException("the file is EBCDIC (コード区分 1); download it in JIS (コード区分 0)");
        }
        LocalDate made = wareki(ascii(header, 4, 6), today.plusYears(1), "作成日");
        LocalDate latest = made.plusYears(1);
        List<StatementParser.Credit> credits = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        int dataRecords = 0;
        long dataTotal = 0;
        boolean trailer = false;
        boolean endRecord = false;
        for (int i = 1; i < records.size(); i++) {
            byte[] r = records.get(i);
            int row = i + 1;
            char type = (char) r[0];
            try {
                if (endRecord) {
                    throw new IllegalArgumentException("a record after the end record (データ区分 9)");
                }
                switch (type) {
                    case '2' -> {
                        if (trailer) {
                            throw new IllegalArgumentException("a data record after the trailer");
                        }
                        dataRecords++;
                        StatementParser.Credit c = kind.equals("01") ? transfer(r, row, latest) : movement(r, row, latest);
                        if (c != null) {
                            dataTotal += c.amountJpy();
                            credits.add(c);
                        }
                    }
                    case '8' -> {
                        trailer = true;
                        // 振込入金通知: 振込合計件数 6, 振込合計金額 12. The 入出金取引明細 trailer's layout differs
                        // between banks, so there only its presence is required.
                        if (kind.equals("01")) {
                            long count = number(r, 1, 6, "振込合計件数");
                            long total = number(r, 7, 12, "振込合計金額");
                            if (count != dataRecords || total != dataTotal) {
                                throw new IllegalArgumentException("the trailer says " + count + " credits of " + total
                                        + " yen, the records hold " + dataRecords + " of " + dataTotal
                                        + " (a truncated or altered file)");
                            }
                        }
                    }
                    case '9' -> endRecord = true;
                    case '1' -> throw new IllegalArgumentException("a second header record: import one account's "
                            + "statement per file");
                    default -> throw new IllegalArgumentException("データ区分 '" + type + "' is not 2, 8 or 9");
                }
            } catch (IllegalArgumentException e) {
                bad.add("record " + row + ": " + e.getMessage());
                if (bad.size() == 20) {
                    break;
                }
            }
        }
        if (bad.isEmpty() && (!trailer || !endRecord)) {
            bad.add("the file ends without its " + (!trailer ? "trailer (データ区分 8)" : "end record (データ区分 9)")
                    + " (a truncated file)");
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", bad));
        }
        return credits;
    }

    /** 振込入金通知 data record. */
    private static StatementParser.Credit transfer(byte[] r, int row, LocalDate latest) {
        if (r[127] != ' ' && r[127] != '0') {
            throw new IllegalArgumentException("取消区分 " + (char) r[127] + ": the bank corrected or cancelled an "
                    + "earlier credit; settle it by hand and import the other credits as CSV");
        }
        String reference = ascii(r, 1, 6);
        LocalDate day = wareki(ascii(r, 7, 6), latest, "勘定日");
        long amount = number(r, 19, 10, "金額");
        String name = text(r, 49, 48);
        return credit(row, day, amount, name, reference);
    }

    /** 入出金取引明細 data record: a credit when 入払区分 is 1, null for a withdrawal. */
    private static StatementParser.Credit movement(byte[] r, int row, LocalDate latest) {
        char direction = (char) r[21];
        String trade = ascii(r, 22, 2);
        if (trade.equals("19")) {
            throw new IllegalArgumentException("取引区分 19 (訂正): the bank corrected an earlier entry; settle it by "
                    + "hand and import the other credits as CSV");
        }
        if (direction == '2') {
            return null;
        }
        if (direction != '1') {
            throw new IllegalArgumentException("入払区分 '" + direction + "' is neither 1 (入金) nor 2 (出金)");
        }
        String reference = ascii(r, 1, 8);
        LocalDate day = wareki(ascii(r, 9, 6), latest, "勘定日");
        long amount = number(r, 24, 12, "取引金額");
        String name = text(r, 81, 48);
        if (name.isEmpty()) {
            name = text(r, 159, 20); // 摘要内容, where a cash deposit has no transfer name
        }
        return credit(row, day, amount, name, reference);
    }

    private static StatementParser.Credit credit(int row, LocalDate day, long amount, String name, String reference) {
        if (amount == 0) {
            throw new IllegalArgumentException("amount is 0");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no transfer name");
        }
        String ref = reference.replaceFirst("^0+(?=.)", "");
        return new StatementParser.Credit(row, day, amount, name, ref.isBlank() ? null : ref);
    }

    /** The 200-byte records, with or without CR LF / LF after each; an EOF byte (0x1A) at the end is dropped. */
    static List<byte[]> records(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        int n = file.length;
        while (n > 0 && (file[n - 1] == 0x1A || file[n - 1] == '\n' || file[n - 1] == '\r')) {
            n--;
        }
        while (i < n) {
            if (i + RECORD > n) {
                throw new IllegalArgumentException("record " + (out.size() + 1) + " has " + (n - i)
                        + " bytes, not 200 (a truncated file or a record with a line break inside)");
            }
            byte[] r = java.util.Arrays.copyOfRange(file, i, i + RECORD);
            for (byte b : r) {
                if (b == '\r' || b == '\n') {
                    throw new IllegalArgumentException("record " + (out.size() + 1) + " is shorter than 200 bytes");
                }
            }
            out.add(r);
            i += RECORD;
            if (i < n && file[i] == '\r') {
                i++;
            }
            if (i < n && file[i] == '\n') {
                i++;
            }
        }
        return out;
    }

    /** 令和 YYMMDD (2019 is 令和元年, 01); a year beyond {@code latest} is the Western YY some banks write. */
    static LocalDate wareki(String yymmdd, LocalDate latest, String field) {
        if (!yymmdd.matches("[0-9]{6}")) {
            throw new IllegalArgumentException(field + " '" + yymmdd + "' is not YYMMDD");
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int mm = Integer.parseInt(yymmdd.substring(2, 4));
        int dd = Integer.parseInt(yymmdd.substring(4));
        try {
            LocalDate reiwa = LocalDate.of(2018 + yy, mm, dd);
            return reiwa.isAfter(latest) ? LocalDate.of(2000 + yy, mm, dd) : reiwa;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + " '" + yymmdd + "' does not exist");
        }
    }

    private static long number(byte[] r, int offset, int length, String field) {
        String digits = ascii(r, offset, length);
        if (!digits.matches("[0-9]+")) {
            throw new IllegalArgumentException(field + " '" + digits.strip() + "' is not a number");
        }
        return Long.parseLong(digits);
    }

    private static String ascii(byte[] r, int offset, int length) {
        return new String(r, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A C field: half-width kana and ASCII in JIS, padded with spaces. */
    private static String text(byte[] r, int offset, int length) {
        try {
            return JIS.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(r, offset, length)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("bytes " + (offset + 1) + "–" + (offset + length)
                    + " are not JIS text");
        }
    }
}
