package io.certdesk.keystore.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much key-releasing work a caller may ask for. An export bundle or a deploy answer costs two 600,000-round
 * PBKDF2 derivations (PKCS#8 and PKCS#12), about a second of a core each; without a limit one token could keep
 * every core busy.
 */
@ConfigMapping(prefix = "certdesk.throttle")
public interface ThrottleConfig {

    /** Requests one caller (token subject) may start per minute; the budget refills evenly over the minute. */
    @WithDefault("20")
    int perMinute();

    /** Requests one caller may have in progress at once. */
    @WithDefault("2")
    int concurrentPerCaller();

    /** Requests all callers together may have in progress at once. */
    @WithDefault("4")
    int concurrent();
}
