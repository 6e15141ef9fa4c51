package io.certdesk.order.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Timing and limits of the order workflow. */
@ConfigMapping(prefix = "certdesk.workflow")
public interface WorkflowConfig {

    /**
     * How many days before the site's launch date the application to the CA may start at the earliest
     * (launch date − N days), so that no paid validity is spent while the site is still being built.
     */
    @WithDefault("7")
    @Min(0)
    int applicationLeadDays();

    /** Largest document file accepted, in bytes. */
    @WithDefault("5242880")
    @Min(1)
    int maxDocumentBytes();
}
