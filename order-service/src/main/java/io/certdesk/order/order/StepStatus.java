package io.certdesk.order.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PENDING: due or waiting for its next attempt; PARKED: stopped with an error until staff retry it. */
@Schema(name = "StepStatus")
public enum StepStatus {
    PENDING, DONE, PARKED, CANCELLED
}
