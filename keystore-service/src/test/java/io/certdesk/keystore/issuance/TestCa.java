package io.certdesk.keystore.issuance;

import io.certdesk.keystore.pki.KeyAlgorithm;
import io.certdesk.keystore.pki.KeyPairs;
import io.certdesk.keystore.pki.LocalCaSigner;
import io.certdesk.keystore.pki.Pem;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA the tests control, standing in for a commercial CA whose certificates staff upload. */
final class TestCa {

    final KeyPair rootKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    final X509Certificate root = LocalCaSigner.selfSignedRoot(rootKey, "Test Root CA");
    final KeyPair intermediateKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
    final X509Certificate intermediate = LocalCaSigner.issue(root, rootKey.getPrivate(),
            new X500Name("CN=Test Intermediate CA"), intermediateKey.getPublic(), List.of("intermediate.invalid"),
            java.time.Duration.ofDays(365));

    /** A leaf for {@code publicKeyPem}, signed by the intermediate, with exact dates. */
    X509Certificate leaf(String publicKeyPem, List<String> names, Instant notBefore, Instant notAfter) {
        return leaf(publicKeyPem, names, notBefore, notAfter, false, true);
    }

    /** As {@link #leaf}, as a CA certificate or without the serverAuth usage, which no web server may use. */
    X509Certificate leaf(String publicKeyPem, List<String> names, Instant notBefore, Instant notAfter, boolean ca,
            boolean serverAuth) {
        try {
            PublicKey key = new JcaPEMKeyConverter().getPublicKey(
                    (SubjectPublicKeyInfo) new PEMParser(new StringReader(publicKeyPem)).readObject());
            var builder = new JcaX509v3CertificateBuilder(intermediate, BigInteger.valueOf(System.nanoTime()),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + names.get(0)), key)
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.stream()
                            .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)))
                    .addExtension(Extension.basicConstraints, true, new org.bouncycastle.asn1.x509.BasicConstraints(ca))
                    .addExtension(Extension.extendedKeyUsage, false, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(
                            serverAuth ? org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_serverAuth
                                    : org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_clientAuth));
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(intermediateKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(X509Certificate... certs) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : certs) {
            out.append(Pem.write(c));
        }
        return out.toString();
    }
}
