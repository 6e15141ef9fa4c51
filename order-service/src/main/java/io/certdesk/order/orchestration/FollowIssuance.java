package io.certdesk.order.orchestration;

import io.certdesk.order.customer.CustomerRepository;
import io.certdesk.order.document.DocumentKind;
import io.certdesk.order.fee.OrderType;
import io.certdesk.order.document.DocumentService;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderCommand;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.order.OrderSteps;
import io.certdesk.order.order.OrderTransition;
import io.certdesk.order.order.StepKind;
import io.certdesk.order.phone.PhoneVerificationService;
import io.certdesk.order.platform.Backoff;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.product.ValidationLevel;
import io.certdesk.order.renewal.RenewalConfig;
import io.certdesk.order.renewal.Terms;
import io.certdesk.order.remote.KeystoreClient;
import io.certdesk.order.remote.RemoteProblem;
import io.certdesk.order.remote.keystore.model.Certificate;
import io.certdesk.order.remote.keystore.model.Issuance;
import io.certdesk.order.remote.keystore.model.IssuanceStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Follows the order's issuance at keystore-service until the CA has signed (polling with a growing wait; staff
 * uploading a MANUAL certificate is seen on the next poll), records the certificate on the order, and moves it to
 * ISSUED once the workflow allows: at once for DV; for OV/EV when the documents are accepted and the CA's call has
 * passed (recording the call's outcome wakes this step). A failed issuance parks a new application for staff.
 */
@ApplicationScoped
class FollowIssuance implements StepRunner {

    private final KeystoreClient keystore;
    private final Terms terms;
    private final OrderSteps steps;
    private final SystemMoves moves;
    private final DocumentService documents;
    private final PhoneVerificationService calls;
    private final OrchestrationConfig config;

    private final CustomerRepository customers;
    private final RenewalConfig renewals;
    private final Clock clock;

    FollowIssuance(KeystoreClient keystore, OrderSteps steps, SystemMoves moves, DocumentService documents,
            PhoneVerificationService calls, OrchestrationConfig config, Terms terms, CustomerRepository customers,
            RenewalConfig renewals, Clock clock) {
        this.customers = customers;
        this.renewals = renewals;
        this.clock = clock;
        this.keystore = keystore;
        this.terms = terms;
        this.steps = steps;
        this.moves = moves;
        this.documents = documents;
        this.calls = calls;
        this.config = config;
    }

    @Override
    public StepKind kind() {
        return StepKind.FOLLOW_ISSUANCE;
    }

    @Override
    public Uni<Outcome> run(StepContext step) {
        CertificateOrder o = step.order();
        return keystore.getIssuance(o.issuanceId).flatMap(issuance -> {
            if (issuance.getStatus() == IssuanceStatus.FAILED) {
                return Uni.createFrom().item(Outcome.applied(order -> failed(order, issuance)));
            }
            if (issuance.getStatus() != IssuanceStatus.ISSUED) {
                return Uni.createFrom().item(Outcome.applied(order -> Uni.createFrom().item(Outcome.Decision.waitFor(
                        Backoff.after(step.attempt(), config.firstPollDelay(), config.maxPollDelay()),
                        "The CA has not signed yet (issuance " + issuance.getStatus() + ")"))));
            }
            if (o.certificateId != null) {
                return Uni.createFrom().item(Outcome.applied(this::issued));
            }
            return keystore.getCertificate(issuance.getCertificateId())
                    .map(certificate -> Outcome.applied(order -> received(order, certificate)));
        }).onFailure(RemoteProblem.class).recoverWithItem(e -> Outcome.failed((RemoteProblem) e));
    }

    private Uni<Outcome.Decision> failed(CertificateOrder o, Issuance issuance) {
        String why = "The CA did not issue (issuance " + issuance.getId() + ": " + issuance.getProblemType() + " "
                + issuance.getProblemDetail() + ")";
        o.issuanceId = null;
        return moves.note(o, why)
                .flatMap(v -> steps.enqueueParked(o.id, StepKind.SUBMIT_APPLICATION, why
                        + "; fix the cause (e.g. DNS, the validation), then retry to apply again"))
                .replaceWith(Outcome.Decision.done());
    }

    private Uni<Outcome.Decision> received(CertificateOrder o, Certificate c) {
        o.certificateId = c.getId();
        o.certificateSerial = c.getSerial();
        o.certificateExpiresAt = c.getExpiresAt().toInstant();
        o.certificateValidFrom = c.getValidFromAt().toInstant();
        o.certificateFingerprint = c.getSha256Fingerprint();
        return moves.note(o, "Certificate " + c.getId() + " received from " + c.getIssuer() + ": serial "
                + c.getSerial() + ", valid until " + c.getExpiresAt() + ", SHA-256 " + c.getSha256Fingerprint())
                .call(v -> terms.certificateReceived(o, c.getValidFromAt().toInstant()))
                .flatMap(v -> issued(o));
    }

    /**
     * ISSUED when the workflow allows it now, else wait for the documents and the call. An OV/EV reissue moves as DV
     * does while its organisation's validation is still honoured; once that has lapsed, it waits for staff to run
     * the documents and the call again. An OV/EV order that passes them validates its organisation for the
     * configured days.
     */
    private Uni<Outcome.Decision> issued(CertificateOrder o) {
        if (o.state == OrderState.ISSUED || o.state == OrderState.INSTALLED) {
            return Outcome.Decision.doneNow();
        }
        LocalDate today = LocalDate.now(clock.withZone(Terms.TOKYO));
        boolean organisation = o.validationLevel.requiresOrganisationChecks();
        Uni<LocalDate> validUntil = organisation && o.orderType == OrderType.REISSUE
                ? customers.findById(o.customerId).map(c -> c == null ? null : c.organisationValidatedUntil)
                : Uni.createFrom().nullItem();
        return validUntil.flatMap(until -> {
            boolean reuse = until != null && !until.isBefore(today);
            ValidationLevel track = reuse ? ValidationLevel.DV : o.validationLevel;
            if (OrderTransition.find(OrderCommand.ISSUE, track, o.state).isEmpty()) {
                return Uni.createFrom().item(Outcome.Decision.waitFor(config.maxPollDelay(), waiting(o, until)));
            }
            Uni<String> guard = !track.requiresOrganisationChecks() ? Uni.createFrom().nullItem()
                    : documents.notAccepted(o).flatMap(missing -> !missing.isEmpty()
                            ? Uni.createFrom().item("Documents not accepted yet: " + String.join(", ",
                                    missing.stream().map(DocumentKind::name).toList()))
                            : calls.passed(o).map(passed -> passed ? null : "The CA's call has not passed yet"))
                            .onFailure(DomainException.class).recoverWithItem(Throwable::getMessage);
            String note = reuse ? "The certificate is reissued; the organisation's validation (honoured until "
                    + until + ") applies again" : "The certificate is issued";
            return guard.flatMap(blocked -> blocked != null
                    ? Uni.createFrom().item(Outcome.Decision.waitFor(config.maxPollDelay(), blocked))
                    : moves.take(o, OrderCommand.ISSUE, track, note)
                            .call(() -> track.requiresOrganisationChecks() ? validated(o, today) : Uni.createFrom().voidItem())
                            .flatMap(v -> steps.enqueue(o.id, StepKind.LINK_CERTIFICATE, null))
                            .replaceWith(Outcome.Decision.done()));
        });
    }

    /** The organisation passed the documents and the call: its validation is honoured for the configured days. */
    private Uni<Void> validated(CertificateOrder o, LocalDate today) {
        LocalDate until = today.plusDays(renewals.reissue().organisationValidationDays());
        return customers.findById(o.customerId).invoke(c -> {
            if (c != null && (c.organisationValidatedUntil == null || c.organisationValidatedUntil.isBefore(until))) {
                c.organisationValidatedUntil = until;
            }
        }).flatMap(c -> moves.note(o, "The organisation's validation is honoured until " + until
                + "; reissues until then need no new documents or call"));
    }

    private static String waiting(CertificateOrder o, LocalDate validatedUntil) {
        if (o.orderType == OrderType.REISSUE) {
            return "Certificate received; the organisation's validation " + (validatedUntil == null ? "is not on record"
                    : "lapsed after " + validatedUntil) + ", so this reissue waits until staff have the documents checked "
                    + "and the CA's call passed again (request the documents on this order)";
        }
        return waiting(o.state);
    }

    private static String waiting(OrderState state) {
        return "Certificate received; the order is " + state + " and moves to ISSUED once the documents are accepted "
                + "and the CA's call has passed";
    }
}
