package io.certdesk.order.ordering;

import io.certdesk.order.fee.OrderType;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.DeploymentStatus;
import io.certdesk.order.order.OrderCommand;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.order.OrderStep;
import io.certdesk.order.order.OrderTransition;
import io.certdesk.order.order.StepStatus;
import io.certdesk.order.order.StepView;
import io.certdesk.order.platform.CertificateId;
import io.certdesk.order.platform.CustomerId;
import io.certdesk.order.platform.KeyId;
import io.certdesk.order.platform.OrderId;
import io.certdesk.order.platform.ServerId;
import io.certdesk.order.product.Issuer;
import io.certdesk.order.product.KeyAlgorithm;
import io.certdesk.order.product.ValidationLevel;
import io.certdesk.order.quote.BindingStrategy;
import io.certdesk.order.quote.QuoteId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as the API shows it: where it stands, what the other services made for it, and what it accepts now. */
@Schema(name = "Order")
public record OrderView(
        OrderId id,
        @Schema(description = "The quote the customer accepted; none for a REISSUE", nullable = true) QuoteId quoteId,
        CustomerId customerId,
        String productCode,
        ValidationLevel validationLevel,
        OrderType type,
        String domain,
        ServerId serverId,
        @Schema(description = "Who signs the certificate") Issuer issuer,
        KeyAlgorithm keyAlgorithm,
        BindingStrategy bindingStrategy,
        @Schema(description = "For a RENEWAL: the certificate it renews; for a REISSUE: the one it replaces",
                nullable = true)
        CertificateId renewsCertificateId,
        @Schema(description = "The site's launch date (Asia/Tokyo)", nullable = true) LocalDate launchDate,
        @Schema(description = "First day the application may be sent: the launch date minus the lead time of the "
                + "order's validation level, in business days (Japanese holidays and the company's closing days skipped)",
                nullable = true)
        LocalDate earliestApplicationDate,
        @Schema(description = "The key keystore-service generated for the order", nullable = true) KeyId keyId,
        @Schema(description = "SHA-256 of the CSR (colon-separated hex)", nullable = true) String csrFingerprint,
        @Schema(description = "The application at keystore-service (its issuance id)", nullable = true) String issuanceId,
        @Schema(description = "The certificate the CA issued, once received", nullable = true) IssuedCertificate certificate,
        Placement placement,
        @Schema(description = "Where the customer fetches the key material, once the certificate is there", nullable = true)
        Delivery delivery,
        @Schema(description = "The remote step the order is on now (PENDING or PARKED), if any", nullable = true)
        StepView currentStep,
        OrderState state,
        @Schema(description = "Commands a person may send now; RETRY_STEP when the current step is parked")
        List<OrderCommand> allowedCommands,
        Instant createdAt,
        Instant updatedAt) {

    /** The certificate as keystore-service reported it. */
    @Schema(name = "IssuedCertificate")
    public record IssuedCertificate(
            CertificateId id,
            @Schema(description = "Serial number, hex") String serial,
            Instant expiresAt,
            @Schema(description = "SHA-256 of the certificate (colon-separated hex); the probe compares it with what the "
                    + "server serves") String sha256Fingerprint) {
    }

    /** Where the domain is served and whether the server serves the certificate. */
    @Schema(name = "OrderPlacement")
    public record Placement(
            @Schema(description = "binding-service's binding of the domain", nullable = true) String bindingId,
            @Schema(description = "Where the site answers; the quote's preview until the domain is placed", nullable = true)
            String httpsUrl,
            @Schema(description = "What the customer should know about the placement") List<String> warnings,
            @Schema(nullable = true) DeploymentStatus deploymentStatus,
            @Schema(description = "When the probe last looked", nullable = true) Instant deploymentCheckedAt,
            @Schema(description = "What the probe found while waiting, or the reason of a manual override", nullable = true)
            String deploymentDetail) {
    }

    /** keystore-service addresses of the order's key material (each needs the customer's or staff's token). */
    @Schema(name = "OrderDelivery")
    public record Delivery(
            @Schema(description = "GET: the key, its CSR and algorithm") String key,
            @Schema(description = "GET: the certificate and its chain") String certificate,
            @Schema(description = "POST: the key bundle (PKCS#12 or encrypted PEM) for a reinstall or a move") String bundleExport,
            @Schema(description = "POST: reveals the key's passphrase (audited); kept apart from the bundle") String passphrase,
            @Schema(description = "GET with the server's deployer token: what the deploy agent installs") String deployMaterial) {
    }

    static OrderView of(CertificateOrder o, LocalDate earliestApplication, OrderStep step, String keystoreUrl) {
        List<OrderCommand> allowed = new ArrayList<>(OrderTransition.allowed(o.validationLevel, o.state));
        if (step != null && step.status == StepStatus.PARKED) {
            allowed.add(OrderCommand.RETRY_STEP);
        }
        IssuedCertificate certificate = o.certificateId == null ? null : new IssuedCertificate(
                new CertificateId(o.certificateId), o.certificateSerial, o.certificateExpiresAt, o.certificateFingerprint);
        Placement placement = new Placement(o.bindingId, o.httpsUrl, o.bindingWarnings == null || o.bindingWarnings.isEmpty()
                ? List.of() : List.of(o.bindingWarnings.split("\n")), o.deploymentStatus, o.deploymentCheckedAt,
                o.deploymentDetail);
        Delivery delivery = o.certificateId == null || o.keyId == null ? null : new Delivery(
                keystoreUrl + "/keys/" + o.keyId, keystoreUrl + "/certificates/" + o.certificateId,
                keystoreUrl + "/keys/" + o.keyId + "/exports", keystoreUrl + "/keys/" + o.keyId + "/passphrase",
                keystoreUrl + "/servers/" + o.serverId + "/tls/" + o.domain);
        return new OrderView(OrderId.of(o.id), o.quoteId == null ? null : QuoteId.of(o.quoteId), new CustomerId(o.customerId), o.productCode,
                o.validationLevel, o.orderType, o.domain, new ServerId(o.serverId), o.issuer, o.keyAlgorithm,
                o.bindingStrategy, o.renewsCertificateId == null ? null : new CertificateId(o.renewsCertificateId),
                o.launchDate, earliestApplication,
                o.keyId == null ? null : new KeyId(o.keyId), o.csrFingerprint, o.issuanceId, certificate, placement,
                delivery, step == null ? null : StepView.of(step), o.state, List.copyOf(allowed), o.createdAt,
                o.updatedAt);
    }
}
