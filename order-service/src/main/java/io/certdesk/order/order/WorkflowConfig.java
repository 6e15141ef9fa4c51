package io.certdesk.order.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Timing and limits of the order workflow. */
@ConfigMapping(prefix = "certdesk.workflow")
public interface WorkflowConfig {

    /**
     * How many business days before the site's launch date the application to the CA may start at the earliest, per
     * validation level (the CA's usual processing time): no paid validity is spent while the site is still being
     * built, and the certificate is there on launch day.
     */
    LeadTimes applicationLeadBusinessDays();

    /** Business days per validation level. */
    interface LeadTimes {
        /** DV: the CA checks the domain only (minutes to a day). */
        @WithDefault("2")
        @Min(0)
        int dv();

        /** OV: documents and the CA's call. */
        @WithDefault("7")
        @Min(0)
        int ov();

        /** EV: documents, the attorney's letter where asked, and the CA's call. */
        @WithDefault("12")
        @Min(0)
        int ev();

        default int of(io.certdesk.order.product.ValidationLevel level) {
            return switch (level) {
                case DV -> dv();
                case OV -> ov();
                case EV -> ev();
            };
        }
    }

    /** Largest document file accepted, in bytes. */
    @WithDefault("5242880")
    @Min(1)
    int maxDocumentBytes();
}
