package io.certdesk.order.reconcile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/** Writes 全銀協 振込入金通知 (種別 01) files field by field, as a bank's FB system would. */
final class ZenginFile {

    private static final Charset JIS = Charset.forName("Windows-31J");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final String lineEnd;
    private int count;
    private long total;

    /** {@code lineEnd} "" for the fixed-length file without line breaks, "\r\n" for one record per line. */
    ZenginFile(String made, String lineEnd) {
        this.lineEnd = lineEnd;
        record("1", "01", "0", made, made, made, "0005", text("ﾐﾂﾋﾞｼUFJ", 15), "001", text("ﾎﾝﾃﾝ", 15), "1",
                "1234567", text("ｶ)ｻｰﾄﾃﾞｽｸ", 40), text("", 93));
    }

    ZenginFile credit(String reference, String day, long amount, String payer) {
        return credit(reference, day, amount, payer, " ");
    }

    ZenginFile credit(String reference, String day, long amount, String payer, String cancelled) {
        count++;
        total += amount;
        return record("2", num(Long.parseLong(reference), 6), day, day, num(amount, 10), num(0, 10), num(0, 10),
                text(payer, 48), text("ﾐｽﾞﾎ", 15), text("ｼﾌﾞﾔ", 15), cancelled, text("", 20), text("", 52));
    }

    /** The trailer with the counts of the records written, then the end record. */
    byte[] close() {
        return close(count, total);
    }

    byte[] close(int trailerCount, long trailerTotal) {
        record("8", num(trailerCount, 6), num(trailerTotal, 12), num(0, 6), num(0, 12), text("", 163));
        record("9", text("", 199));
        return out.toByteArray();
    }

    private ZenginFile record(String... fields) {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        for (String f : fields) {
            r.writeBytes(f.getBytes(JIS));
        }
        if (r.size() != ZenginStatement.RECORD) {
            throw new IllegalStateException("record of " + r.size() + " bytes: " + Arrays.toString(fields));
        }
        out.writeBytes(r.toByteArray());
        out.writeBytes(lineEnd.getBytes(JIS));
        return this;
    }

    static String num(long n, int width) {
        return String.format("%0" + width + "d", n);
    }

    /** Left-aligned, padded with spaces to {@code width} bytes (half-width kana are one byte in JIS). */
    static String text(String s, int width) {
        int bytes = s.getBytes(JIS).length;
        return s + " ".repeat(width - bytes);
    }
}
