package io.certdesk.binding.binding;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a new binding: where the domain lives, its URL and what the customer should know. */
@Schema(name = "BindingResult")
public record BindingResult(BindingView binding, String httpsUrl, List<String> warnings) {
}
