package io.certdesk.keystore.issuance;

import io.certdesk.keystore.key.KeyService;
import io.certdesk.keystore.pki.Certificates;
import io.certdesk.keystore.pki.Csrs;
import io.certdesk.keystore.pki.KeyAlgorithm;
import io.certdesk.keystore.pki.KeyPairs;
import io.certdesk.keystore.pki.LocalCaSigner;
import io.certdesk.keystore.pki.Pem;
import io.certdesk.keystore.pki.PkiException;
import io.certdesk.keystore.platform.Times;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The development CA: its root key is created on first use and kept in the vault like any
 * customer key; it signs the stored CSR of a key so the whole flow runs on one machine.
 */
@ApplicationScoped
public class LocalCa {

    static final String OWNER = "certdesk-local-ca";

    private final KeyService keys;
    private final LocalCaRepository roots;
    private final IssuanceConfig config;

    public LocalCa(KeyService keys, LocalCaRepository roots, IssuanceConfig config) {
        this.keys = keys;
        this.roots = roots;
        this.config = config;
    }

    /** Signs {@code csrPem} (checked first) for {@code dnsNames}; returns leaf and root, in the caller's transaction. */
    Uni<List<X509Certificate>> sign(String csrPem, List<String> dnsNames) {
        PKCS10CertificationRequest csr = Csrs.read(csrPem);
        return root().flatMap(root -> keys.requireInternal(root.keyId).flatMap(keys::privateKey).map(rootKey -> {
            X509Certificate rootCert = Certificates.parse(root.certificatePem.getBytes()).get(0);
            PublicKey subjectKey;
            try {
                subjectKey = new JcaPKCS10CertificationRequest(csr).getPublicKey();
            } catch (Exception e) {
                throw new PkiException("CSR public key cannot be read", e);
            }
            X509Certificate leaf = LocalCaSigner.issue(rootCert, rootKey, csr.getSubject(), subjectKey, dnsNames,
                    config.local().validity());
            return List.of(leaf, rootCert);
        }));
    }

    private Uni<LocalCaRoot> root() {
        return roots.findById(LocalCaRoot.ID).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            var pair = KeyPairs.generate(KeyAlgorithm.EC_P256);
            return keys.storeInternal(OWNER, "certdesk local development CA", KeyAlgorithm.EC_P256, pair)
                    .flatMap(key -> {
                        LocalCaRoot r = new LocalCaRoot();
                        r.id = LocalCaRoot.ID;
                        r.keyId = key.id;
                        r.certificatePem = Pem.write(LocalCaSigner.selfSignedRoot(pair, "certdesk local development CA"));
                        r.createdAt = Times.now();
                        return roots.persist(r);
                    });
        });
    }
}
