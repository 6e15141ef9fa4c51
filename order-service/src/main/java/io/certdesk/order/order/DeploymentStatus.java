package io.certdesk.order.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether the customer's web server serves the order's certificate: WAITING until binding-service's probe finds it
 * there (the deploy agent has not installed it yet, or the server is unreachable), SERVED once found, OVERRIDDEN
 * when staff confirmed the installation by hand with a reason.
 */
@Schema(name = "DeploymentStatus")
public enum DeploymentStatus {
    WAITING, SERVED, OVERRIDDEN
}
