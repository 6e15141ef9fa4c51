package io.certdesk.binding.ippool;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff send to register a range of global addresses. */
@Schema(name = "IpPoolRequest")
public record IpPoolRequest(
        @NotBlank @Size(max = 64) @Schema(examples = "tokyo-dc1-v4") String name,
        @NotBlank @Size(max = 49) @Schema(description = "IPv4 or IPv6 network in CIDR notation, host bits zero",
                examples = "203.0.113.0/28") String cidr) {
}
