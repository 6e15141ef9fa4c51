package io.certdesk.order.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where customer notices come from. */
@ConfigMapping(prefix = "certdesk.notices")
public interface NoticeConfig {

    /** Sender address of notices to customers. */
    @WithDefault("ssl-support@certdesk.example")
    String from();
}
