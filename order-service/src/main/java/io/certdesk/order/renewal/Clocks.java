package io.certdesk.order.renewal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock the renewal job reads "today" from (Asia/Tokyo); tests and the demo run the job for a given date instead. */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock tokyo() {
        return Clock.system(Terms.TOKYO);
    }
}
