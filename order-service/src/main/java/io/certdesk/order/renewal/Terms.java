package io.certdesk.order.renewal;

import io.certdesk.order.fee.OrderType;
import io.certdesk.order.order.CertificateOrder;
import io.certdesk.order.order.OrderRepository;
import io.certdesk.order.order.OrderState;
import io.certdesk.order.platform.DomainException;
import io.certdesk.order.platform.Times;
import io.certdesk.order.product.Issuer;
import io.certdesk.order.product.ProductRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Paid terms as orders make them: a certificate received for a NEW order starts a term of the product's months on
 * the day it was issued; one received for a RENEWAL order starts the next term on the day after the renewed term
 * ends (or on its issue day, when that term has already ended), and the renewed term is RENEWED.
 */
@ApplicationScoped
public class Terms {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final TermRepository terms;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final ReissuePlan plan;

    public Terms(TermRepository terms, ProductRepository products, OrderRepository orders, ReissuePlan plan) {
        this.plan = plan;
        this.terms = terms;
        this.products = products;
        this.orders = orders;
    }

    /**
     * Records the order's certificate on its term, making the term first, and plans when that certificate is
     * replaced; caller's transaction. A REISSUE's certificate becomes the term's once it is served
     * ({@link #certificateServed}): until then the term's certificate is the one the server has.
     */
    public Uni<CertificateTerm> certificateReceived(CertificateOrder o, Instant validFrom) {
        if (o.orderType == OrderType.REISSUE) {
            return Uni.createFrom().nullItem();
        }
        return terms.ofOrder(o.id).flatMap(found -> {
            if (found != null) {
                certificate(found, o, validFrom);
                return Uni.createFrom().item(found);
            }
            return products.findByCode(o.productCode).flatMap(product -> (o.orderType == OrderType.RENEWAL
                    ? terms.renewedBy(o.id) : Uni.createFrom().<CertificateTerm>nullItem()).flatMap(previous -> {
                        LocalDate issued = LocalDate.ofInstant(validFrom, TOKYO);
                        CertificateTerm t = new CertificateTerm();
                        t.customerId = o.customerId;
                        t.orderId = o.id;
                        t.productCode = o.productCode;
                        t.domain = o.domain;
                        t.serverId = o.serverId;
                        t.issuer = o.issuer;
                        t.startsOn = previous != null && !previous.endsOn.isBefore(issued) ? previous.endsOn.plusDays(1) : issued;
                        t.endsOn = endOf(t.startsOn, product.validityMonths);
                        certificate(t, o, validFrom);
                        t.state = CertificateTerm.State.ACTIVE;
                        t.createdAt = Times.now();
                        return terms.persistAndFlush(t).invoke(saved -> {
                            if (previous != null) {
                                previous.state = CertificateTerm.State.RENEWED;
                                previous.renewedByTermId = saved.id;
                                previous.reissueAt = null;
                                previous.ariCheckAt = null;
                            }
                        });
                    }));
        });
    }

    /** A REISSUE's certificate is served: it is the term's from now on; caller's transaction, term locked. */
    public void certificateServed(CertificateTerm t, CertificateOrder o) {
        certificate(t, o, o.certificateValidFrom);
    }

    /** The term's current certificate is the order's: when it is replaced, and (ACME) ask the CA's advice at once. */
    private void certificate(CertificateTerm t, CertificateOrder o, Instant validFrom) {
        t.certificateId = o.certificateId;
        t.certificateExpiresAt = o.certificateExpiresAt;
        t.certificateValidFrom = validFrom;
        t.reissueAt = plan.reissueAt(validFrom, o.certificateExpiresAt, t.endsOn);
        t.ariWindowStart = null;
        t.ariWindowEnd = null;
        t.ariCheckAt = t.reissueAt != null && t.issuer == Issuer.ACME ? Times.now() : null;
    }

    /**
     * The last day of a term of {@code months} that starts on {@code start}, counted as the Civil Code counts periods
     * of months (民法第143条): the day before the same day of the last month, or that month's last day when it has no
     * such day (a month from 31 January ends on 28 or 29 February; a year from 29 February ends on 28 February).
     */
    public static LocalDate endOf(LocalDate start, int months) {
        LocalDate same = start.plusMonths(months);
        return same.getDayOfMonth() != start.getDayOfMonth() ? same : same.minusDays(1);
    }

    /**
     * The term a RENEWAL order renews, checked to be the customer's own and locked for the caller's transaction; the
     * caller sets {@code renewalOrderId} once the order has its id. {@code termId} is the term the quote was drafted
     * for (null for a quote staff made by hand); then {@code renewsCertificateId} must name the current certificate
     * of one of the customer's terms. Refused while another renewal of the term is under way.
     */
    public Uni<CertificateTerm> renewalTarget(Long termId, String renewsCertificateId, String customerId) {
        Uni<CertificateTerm> found = termId != null ? terms.findForUpdate(termId)
                : renewsCertificateId == null ? Uni.createFrom().nullItem()
                : terms.ofCertificateForUpdate(renewsCertificateId, customerId);
        return found.flatMap(t -> {
            if (t == null || !t.customerId.equals(customerId)) {
                return Uni.createFrom().failure(renewsCertificateId == null
                        ? DomainException.invalid("renewsCertificateId", "is required for a RENEWAL: name the certificate being renewed")
                        : DomainException.unknownReference("renewsCertificateId", "certificate of this customer's terms",
                                renewsCertificateId));
            }
            if (renewsCertificateId != null && !renewsCertificateId.equals(t.certificateId)) {
                return Uni.createFrom().failure(DomainException.invalid("renewsCertificateId", "is not the certificate of the "
                        + "term this quote renews (" + t.certificateId + ")"));
            }
            if (t.state == CertificateTerm.State.RENEWED) {
                return Uni.createFrom().failure(DomainException.conflict("The term of " + t.domain + " ending "
                        + t.endsOn + " has already been renewed"));
            }
            Uni<Boolean> underWay = t.renewalOrderId == null ? Uni.createFrom().item(false)
                    : orders.findById(t.renewalOrderId).map(r -> r != null && r.state != OrderState.CANCELLED);
            return underWay.flatMap(busy -> {
                if (busy) {
                    return Uni.createFrom().failure(DomainException.conflict("A renewal of " + t.domain
                            + " is already under way (order " + t.renewalOrderId + ")"));
                }
                return Uni.createFrom().item(t);
            });
        });
    }
}
