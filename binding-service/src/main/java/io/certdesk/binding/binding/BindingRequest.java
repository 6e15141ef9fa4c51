package io.certdesk.binding.binding;

import io.certdesk.binding.ippool.IpPoolId;
import io.certdesk.binding.platform.CertificateId;
import io.certdesk.binding.platform.OrderId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to place a domain on a server. */
@Schema(name = "BindingRequest")
public record BindingRequest(
        @NotBlank @Size(max = 253) @Schema(description = "Host name; IDNs are stored in punycode, lower case",
                examples = "www.bbb.co.jp") String domain,
        @NotNull Strategy strategy,
        @Schema(description = "The keystore certificate this domain serves, once known") CertificateId certificateId,
        @Pattern(regexp = "([0-9a-f]{2}:){31}[0-9a-f]{2}", message = "must be a SHA-256 fingerprint, colon-separated lower-case hex")
        @Schema(description = "SHA-256 of that certificate as keystore-service reports it, for the served-certificate probe")
        String certificateFingerprint,
        @Schema(description = "The order this binding is made for; kept on the binding so that the order can find and "
                + "release it") OrderId orderId,
        @Size(max = 45) @Schema(description = "SNI and ALTERNATE_PORT: one of the server's addresses (default: the primary IP); "
                + "not allowed for DEDICATED_IP") String ip,
        @Schema(description = "DEDICATED_IP only: the pool to draw from (default: the first pool with a free address)")
        IpPoolId poolId) {
}
