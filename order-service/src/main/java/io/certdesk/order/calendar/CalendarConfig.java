package io.certdesk.order.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** The company's business days: Japanese national holidays, plus its own closing days. */
@ConfigMapping(prefix = "certdesk.calendar")
public interface CalendarConfig {

    /**
     * Days the company (and the banks) are closed every year besides Saturdays, Sundays and national holidays, as
     * {@code MM-DD} or ranges {@code MM-DD..MM-DD} (a range may run over the new year): 年末年始 by default.
     */
    @WithDefault("12-29..01-03")
    List<String> companyHolidays();

    /**
     * Further closed days, as dates: a correction the holiday library does not know yet (an equinox day the National
     * Astronomical Observatory publishes each February for the next year), or a company event.
     */
    Optional<List<LocalDate>> extraHolidays();

    /** When the CAs call (Asia/Tokyo, business days only): a CA call slot must start inside these hours. */
    CaCalls caCalls();

    /** The CAs' calling hours. */
    interface CaCalls {
        @WithDefault("09:00")
        LocalTime from();

        @WithDefault("18:00")
        LocalTime to();
    }
}
