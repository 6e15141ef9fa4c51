package io.certdesk.binding.binding;

import io.certdesk.binding.platform.CertificateId;
import io.certdesk.binding.platform.OrderId;
import io.certdesk.binding.platform.ServerId;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A binding as the API shows it. */
@Schema(name = "Binding")
public record BindingView(
        BindingId id,
        ServerId serverId,
        String domain,
        Strategy strategy,
        String ip,
        int port,
        @Schema(description = "The server's master domain on its primary IP; the default certificate of that IP:port")
        boolean master,
        @Schema(description = "The order it was made for, when an order placed it", nullable = true) OrderId orderId,
        @Schema(description = "The keystore certificate it serves; null while it waits for one", nullable = true)
        CertificateId certificateId,
        @Schema(description = "SHA-256 of that certificate (colon-separated hex): what the probe expects", nullable = true)
        String certificateFingerprint,
        @Schema(description = "The URL visitors use; the port is shown only when it is not 443", examples = "https://www.bbb.co.jp:444/")
        String httpsUrl,
        @Schema(description = "What the last TLS handshake to ip:port with the domain as SNI found") Probe probe,
        Instant createdAt) {

    /** The last served-certificate probe. */
    @Schema(name = "BindingProbe")
    public record Probe(
            ProbeStatus status,
            @Schema(nullable = true) Instant checkedAt,
            @Schema(description = "SHA-256 of the certificate the server presented", nullable = true)
            String servedFingerprint,
            @Schema(description = "What went wrong, when it did", nullable = true) String detail) {
    }

    static BindingView of(Binding b) {
        return new BindingView(BindingId.of(b.id), ServerId.of(b.serverId), b.domain, b.strategy, b.ip, b.port, b.master,
                b.orderId == null ? null : new OrderId(b.orderId),
                b.certificateId == null ? null : new CertificateId(b.certificateId), b.certificateFingerprint,
                httpsUrl(b.domain, b.port), new Probe(b.probeStatus, b.probedAt, b.servedFingerprint, b.probeDetail),
                b.createdAt);
    }

    /** {@code https://domain/}, with {@code :port} only when the port is not HTTPS's default. */
    public static String httpsUrl(String domain, int port) {
        return "https://" + domain + (port == 443 ? "" : ":" + port) + "/";
    }
}
