package io.certdesk.keystore.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/** Reading X.509 certificates as CAs send them: PEM bundles, single DER certificates, PKCS#7 bundles. */
public final class Certificates {

    private Certificates() {
    }

    /** Every certificate in {@code data}; throws {@link IllegalArgumentException} when none can be read. */
    public static List<X509Certificate> parse(byte[] data) {
        Objects.requireNonNull(data, "data");
        String text = new String(data, StandardCharsets.US_ASCII);
        List<X509Certificate> certs = text.contains("-----BEGIN") ? parsePem(text) : parseDer(data);
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("no certificate found: send PEM (one or more BEGIN CERTIFICATE blocks), "
                    + "a DER certificate or a DER PKCS#7 bundle");
        }
        return certs;
    }

    private static List<X509Certificate> parsePem(String text) {
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    certs.add(converter.getCertificate(holder));
                } else {
                    throw new IllegalArgumentException("the PEM data holds something other than certificates");
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("the PEM data is not a valid certificate list", e);
        }
        return certs;
    }

    private static List<X509Certificate> parseDer(byte[] data) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends java.security.cert.Certificate> all = factory.generateCertificates(new ByteArrayInputStream(data));
            List<X509Certificate> certs = new ArrayList<>();
            for (var c : all) {
                certs.add((X509Certificate) c);
            }
            return certs;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the data is neither PEM nor a DER certificate or PKCS#7 bundle", e);
        }
    }

    /** DNS names of the subject alternative name extension. */
    public static List<String> dnsNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        names.add(san.get(1).toString().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("the certificate's subject alternative names cannot be read", e);
        }
        return names;
    }

    /** Whether {@code name} is covered by {@code pattern} (an exact name or a one-label wildcard). */
    public static boolean covers(String pattern, String name) {
        if (pattern.equals(name)) {
            return true;
        }
        if (pattern.startsWith("*.") && !name.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot + 1).equals(pattern.substring(2));
        }
        return false;
    }

    /** True when {@code subject} was signed by {@code issuer}'s key and names it as issuer. */
    public static boolean issuedBy(X509Certificate subject, X509Certificate issuer) {
        if (!subject.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static String pem(List<X509Certificate> certs) {
        StringBuilder out = new StringBuilder();
        certs.forEach(c -> out.append(Pem.write(c)));
        return out.toString();
    }

    public static String serialHex(X509Certificate cert) {
        return cert.getSerialNumber().toString(16);
    }

    public static String fingerprint(X509Certificate cert) {
        try {
            return Fingerprints.sha256(cert.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new PkiException("certificate cannot be encoded", e);
        }
    }
}
