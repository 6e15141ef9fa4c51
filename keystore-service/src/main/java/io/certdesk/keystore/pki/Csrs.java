package io.certdesk.keystore.pki;

import java.io.IOException;
import java.security.KeyPair;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** PKCS#10 certificate signing requests, SHA-256 signed, subject and SAN extension from a {@link CsrSubject}. */
public final class Csrs {

    private Csrs() {
    }

    public static PKCS10CertificationRequest build(KeyPair keyPair, KeyAlgorithm algorithm, CsrSubject subject) {
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(subject, "subject");
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            GeneralName[] names = subject.dnsNames().stream()
                    .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
            extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            return new JcaPKCS10CertificationRequestBuilder(x500(subject), keyPair.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder(algorithm.csrSignature()).setProvider("BC")
                            .build(keyPair.getPrivate()));
        } catch (IOException | OperatorCreationException e) {
            throw new PkiException("CSR could not be built", e);
        }
    }

    /** Reads a PEM CSR and checks its self-signature; throws {@link PkiException} otherwise. */
    public static PKCS10CertificationRequest read(String pem) {
        try (org.bouncycastle.openssl.PEMParser parser = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(pem))) {
            Object o = parser.readObject();
            if (!(o instanceof PKCS10CertificationRequest csr)) {
                throw new PkiException("the data is not a PKCS#10 CSR", null);
            }
            if (!csr.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .build(csr.getSubjectPublicKeyInfo()))) {
                throw new PkiException("the CSR's signature does not verify", null);
            }
            return csr;
        } catch (IOException | OperatorCreationException | org.bouncycastle.pkcs.PKCSException e) {
            throw new PkiException("the CSR cannot be read", e);
        }
    }

    /** The first value of a subject attribute (e.g. BCStyle.O), or null. */
    public static String attribute(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        var rdns = name.getRDNs(type);
        // the attribute's own string, not IETFUtils' escaped RFC 4514 form ("AAA Co., Ltd." stays as it is)
        return rdns.length == 0 ? null : ((org.bouncycastle.asn1.ASN1String) rdns[0].getFirst().getValue()).getString();
    }

    /** Subject in the conventional order C, ST, L, O, OU, CN. */
    static X500Name x500(CsrSubject s) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        if (s.country() != null) {
            b.addRDN(BCStyle.C, s.country());
        }
        if (s.state() != null) {
            b.addRDN(BCStyle.ST, s.state());
        }
        if (s.locality() != null) {
            b.addRDN(BCStyle.L, s.locality());
        }
        if (s.organization() != null) {
            b.addRDN(BCStyle.O, s.organization());
        }
        if (s.organizationalUnit() != null) {
            b.addRDN(BCStyle.OU, s.organizationalUnit());
        }
        b.addRDN(BCStyle.CN, s.commonName());
        return b.build();
    }
}
