package io.certdesk.order.ordering;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a workflow command: a note for the timeline. */
@Schema(name = "CommandRequest")
public record CommandRequest(@Size(max = 2000) String note) {
}
