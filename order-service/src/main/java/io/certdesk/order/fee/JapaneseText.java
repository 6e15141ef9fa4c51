package io.certdesk.order.fee;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How everything a customer reads writes dates and amounts: 2026年12月10日, 49,000円. */
public final class JapaneseText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.JAPAN);

    private JapaneseText() {
    }

    /** 2026年12月10日; null stays null. */
    public static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日（E）H:mm", Locale.JAPAN);

    /** 2026年12月1日（火）14:00, in the zone the moment is given in. */
    public static String dateTime(java.time.ZonedDateTime moment) {
        return moment == null ? null : DATE_TIME.format(moment);
    }

    /** 49,000円. */
    public static String yen(long amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount) + "円";
    }
}
