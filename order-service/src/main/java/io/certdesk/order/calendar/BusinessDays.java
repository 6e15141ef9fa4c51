package io.certdesk.order.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import one.cafebabe.businesscalendar4j.BusinessCalendar;
import one.cafebabe.businesscalendar4j.Holiday;

/**
 * Business days in Japan: not a Saturday or Sunday, not a national holiday (祝日, 振替休日, 国民の休日: the
 * businessCalendar4j library, from the Cabinet Office's table and the Holiday Act's rules beyond it), and not a
 * company closing day (年末年始 and whatever the configuration adds). The library's table ships inside it; it is
 * never fetched from the network.
 */
@ApplicationScoped
public class BusinessDays {

    static {
        // the library would download the Cabinet Office's CSV at first use and every month after; these machines
        // have no internet, and a calendar must not change under a running service: read the table it ships
        if (System.getProperty("SYUKUJITSU_URL") == null) {
            java.net.URL bundled = BusinessDays.class.getResource("/syukujitsu.csv");
            if (bundled != null) {
                System.setProperty("SYUKUJITSU_URL", bundled.toString());
            }
        }
    }

    private record Closing(MonthDay from, MonthDay to) {
        boolean covers(LocalDate day) {
            MonthDay d = MonthDay.from(day);
            return from.isAfter(to) ? !d.isBefore(from) || !d.isAfter(to) : !d.isBefore(from) && !d.isAfter(to);
        }
    }

    private final BusinessCalendar national;
    private final List<Closing> closings;
    private final Set<LocalDate> extra;

    @Inject
    public BusinessDays(CalendarConfig config) {
        this(config.companyHolidays(), config.extraHolidays().orElse(List.of()));
    }

    /** From the configuration's text; a wrong entry stops the start with what is wrong. */
    public BusinessDays(List<String> companyHolidays, List<LocalDate> extraHolidays) {
        this.national = BusinessCalendar.newBuilder().locale(Locale.JAPAN).holiday(BusinessCalendar.JAPAN.PUBLIC_HOLIDAYS)
                .build();
        this.closings = new ArrayList<>();
        for (String entry : companyHolidays) {
            closings.add(closing(entry.strip()));
        }
        this.extra = new TreeSet<>(extraHolidays);
    }

    private static Closing closing(String entry) {
        try {
            String[] parts = entry.split("\\.\\.", 2);
            MonthDay from = MonthDay.parse("--" + parts[0].strip());
            MonthDay to = parts.length == 2 ? MonthDay.parse("--" + parts[1].strip()) : from;
            return new Closing(from, to);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("certdesk.calendar.company-holidays: '" + entry + "' is not MM-DD or "
                    + "MM-DD..MM-DD (e.g. 12-29..01-03)");
        }
    }

    /** Whether the company works on {@code day}. */
    public boolean isBusinessDay(LocalDate day) {
        return closedBecause(day) == null;
    }

    /** Why the company is closed on {@code day} (土曜日, 元日, 振替休日 as 休日, 年末年始休業, …), or null when it is open. */
    public String closedBecause(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return "土曜日";
        }
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return "日曜日";
        }
        Holiday holiday = national.getHoliday(day);
        if (holiday != null) {
            return holiday.name();
        }
        if (extra.contains(day)) {
            return "休業日";
        }
        for (Closing c : closings) {
            if (c.covers(day)) {
                return "年末年始・休業日";
            }
        }
        return null;
    }

    /** {@code day} itself when the company works then, else the next day it does. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The business day {@code n} business days after {@code day} (n ≥ 0; 0 is {@link #onOrAfter}). */
    public LocalDate plus(LocalDate day, int n) {
        LocalDate d = onOrAfter(day);
        for (int i = 0; i < n; i++) {
            d = onOrAfter(d.plusDays(1));
        }
        return d;
    }

    /** The business day {@code n} business days before {@code day} (n ≥ 1): a lead time counted in working days. */
    public LocalDate minus(LocalDate day, int n) {
        LocalDate d = day;
        int left = n;
        while (left > 0) {
            d = d.minusDays(1);
            if (isBusinessDay(d)) {
                left--;
            }
        }
        return d;
    }
}
