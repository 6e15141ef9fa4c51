package io.certdesk.order.ordering;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The site's launch date, or null when it goes live as soon as possible. */
@Schema(name = "LaunchDateRequest")
public record LaunchDateRequest(LocalDate launchDate) {
}
