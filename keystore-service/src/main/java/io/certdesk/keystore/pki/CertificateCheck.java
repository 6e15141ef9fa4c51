package io.certdesk.keystore.pki;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * What a CA sent, checked before it is accepted: one certificate for our key, covering every CSR
 * name, valid now, with a chain that links it to its issuer (and to a trusted root when anchors are given).
 */
public final class CertificateCheck {

    /** Why a certificate was refused; each maps to its own problem type. */
    public enum Reason { UNPARSEABLE, KEY_MISMATCH, NOT_FOR_SERVERS, NAMES_NOT_COVERED, NOT_VALID_NOW, CHAIN_BROKEN, UNTRUSTED }

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    /** The certificate was refused. */
    public static class Rejected extends RuntimeException {
        private final Reason reason;

        public Rejected(Reason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** An accepted leaf and its chain, issuer first, up to (not including) a trust anchor. */
    public record Accepted(X509Certificate leaf, List<X509Certificate> chain) {
    }

    private CertificateCheck() {
    }

    public static Accepted check(byte[] upload, PublicKey key, List<String> csrNames, Date now, Set<TrustAnchor> anchors) {
        List<X509Certificate> certs;
        try {
            certs = new ArrayList<>(Certificates.parse(upload));
        } catch (IllegalArgumentException e) {
            throw new Rejected(Reason.UNPARSEABLE, e.getMessage());
        }
        X509Certificate leaf = certs.stream().filter(c -> Arrays.equals(c.getPublicKey().getEncoded(), key.getEncoded()))
                .findFirst().orElseThrow(() -> new Rejected(Reason.KEY_MISMATCH,
                        "none of the " + certs.size() + " certificates sent is for this key (public keys differ); "
                                + "was it issued for another CSR?"));
        certs.remove(leaf);
        serverCertificate(leaf);

        List<String> names = Certificates.dnsNames(leaf);
        List<String> missing = csrNames.stream().filter(n -> names.stream().noneMatch(p -> Certificates.covers(p, n))).toList();
        if (!missing.isEmpty()) {
            throw new Rejected(Reason.NAMES_NOT_COVERED, "the certificate does not cover " + String.join(", ", missing)
                    + " from the CSR (it names " + String.join(", ", names) + ")");
        }
        try {
            leaf.checkValidity(now);
        } catch (CertificateExpiredException e) {
            throw new Rejected(Reason.NOT_VALID_NOW, "the certificate expired on " + leaf.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new Rejected(Reason.NOT_VALID_NOW, "the certificate is not valid before " + leaf.getNotBefore().toInstant());
        }

        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = leaf;
        while (!isSelfIssued(current)) {
            X509Certificate child = current;
            X509Certificate issuer = certs.stream().filter(c -> Certificates.issuedBy(child, c)).findFirst().orElse(null);
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            certs.remove(issuer);
            current = issuer;
        }
        if (!certs.isEmpty()) {
            throw new Rejected(Reason.CHAIN_BROKEN, "the upload holds certificates that are not part of this chain: "
                    + certs.stream().map(c -> c.getSubjectX500Principal().getName()).toList());
        }
        if (anchors == null || anchors.isEmpty()) {
            if (chain.isEmpty() && !isSelfIssued(leaf)) {
                throw new Rejected(Reason.CHAIN_BROKEN, "the chain does not contain the certificate's issuer "
                        + leaf.getIssuerX500Principal().getName() + "; send the intermediate certificates the CA provided");
            }
        } else {
            validatePath(leaf, chain, anchors, now);
        }
        // a root sent along is not part of what a server presents
        if (!chain.isEmpty() && isSelfIssued(chain.get(chain.size() - 1)) && anchors != null && !anchors.isEmpty()) {
            chain.remove(chain.size() - 1);
        }
        return new Accepted(leaf, List.copyOf(chain));
    }

    /** A web server's certificate: not a CA (basicConstraints CA:FALSE or absent), meant for TLS servers (EKU serverAuth). */
    private static void serverCertificate(X509Certificate leaf) {
        if (leaf.getBasicConstraints() != -1) {
            throw new Rejected(Reason.NOT_FOR_SERVERS, "the certificate for this key is a CA certificate (basicConstraints "
                    + "CA:TRUE); a web server's certificate is not");
        }
        List<String> usages;
        try {
            usages = leaf.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            throw new Rejected(Reason.UNPARSEABLE, "its extended key usage cannot be read: " + e.getMessage());
        }
        if (usages == null || !usages.contains(SERVER_AUTH)) {
            throw new Rejected(Reason.NOT_FOR_SERVERS, "the certificate is not meant for TLS servers (its extended key "
                    + "usage lacks serverAuth)");
        }
    }

    private static void validatePath(X509Certificate leaf, List<X509Certificate> chain, Set<TrustAnchor> anchors, Date now) {
        try {
            List<X509Certificate> path = new ArrayList<>();
            path.add(leaf);
            chain.stream().filter(c -> !isSelfIssued(c)).forEach(path::add);
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(now);
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
        } catch (GeneralSecurityException e) {
            throw new Rejected(Reason.UNTRUSTED, "the chain does not lead to a trusted root: " + e.getMessage());
        }
    }

    private static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && Certificates.issuedBy(c, c);
    }
}
