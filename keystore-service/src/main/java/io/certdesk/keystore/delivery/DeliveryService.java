package io.certdesk.keystore.delivery;

import io.certdesk.keystore.certificate.Certificate;
import io.certdesk.keystore.certificate.CertificateService;
import io.certdesk.keystore.key.KeyService;
import io.certdesk.keystore.key.ManagedKey;
import io.certdesk.keystore.pki.Bundles;
import io.certdesk.keystore.pki.Certificates;
import io.certdesk.keystore.platform.DomainNames;
import io.certdesk.keystore.platform.CertificateId;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.Offload;
import io.certdesk.keystore.platform.ServerId;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** What leaves the vault: the customer's bundle and a web server's deploy material. */
@ApplicationScoped
public class DeliveryService {

    private final KeyService keys;
    private final CertificateService certificates;
    private final DeliveryConfig config;

    public DeliveryService(KeyService keys, CertificateService certificates, DeliveryConfig config) {
        this.keys = keys;
        this.certificates = certificates;
        this.config = config;
    }

    /** The customer's copy: what went on CD-R and paper, without the passphrase (revealed by its own call). */
    public Uni<byte[]> exportBundle(UUID keyId, String customerScope) {
        return secrets(keyId, customerScope).flatMap(s -> Offload.cpu(() -> {
            try {
                return zip(s);
            } finally {
                Arrays.fill(s.passphrase(), '\0');
            }
        }));
    }

    /** A bound server's files for {@code domain}; the key is encrypted and its passphrase file lets the server start alone. */
    public Uni<DeployMaterial> deployMaterial(String serverId, String domainName, String customerScope) {
        String domain;
        try {
            domain = DomainNames.canonical(domainName, false).orThrow();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(DomainException.invalid("domain", e.getMessage()));
        }
        return deploySecrets(serverId, domain, customerScope).flatMap(s -> Offload.cpu(() -> {
            try {
                String fullchain = s.certificate().certificatePem + s.certificate().chainPem;
                String key = Bundles.encryptedPkcs8(s.privateKey(), s.passphrase());
                String passphrase = new String(s.passphrase()) + "\n";
                return new DeployMaterial(new ServerId(serverId), domain, CertificateId.of(s.certificate().id),
                        s.certificate().sha256, s.certificate().notAfter,
                        config.tlsRoot() + "/" + domain, List.of(
                                new DeployMaterial.File("fullchain.pem", "0644", fullchain),
                                new DeployMaterial.File("privkey.pem", "0600", key),
                                new DeployMaterial.File("passphrase", "0600", passphrase)));
            } finally {
                Arrays.fill(s.passphrase(), '\0');
            }
        }));
    }

    private record Secrets(ManagedKey key, PrivateKey privateKey, char[] passphrase, Certificate certificate) {
    }

    @WithSession
    Uni<Secrets> secrets(UUID keyId, String customerScope) {
        return keys.requireUsable(keyId, customerScope).flatMap(key -> keys.privateKey(key).flatMap(privateKey ->
                keys.passphrase(key).flatMap(passphrase -> certificates.latestForKey(key.id)
                        .map(cert -> new Secrets(key, privateKey, passphrase, cert)))));
    }

    @WithSession
    Uni<Secrets> deploySecrets(String serverId, String domain, String customerScope) {
        return certificates.deployable(serverId, domain).flatMap(cert -> keys.require(cert.keyId, customerScope)
                .flatMap(key -> keys.privateKey(key).flatMap(privateKey -> keys.passphrase(key)
                        .map(passphrase -> new Secrets(key, privateKey, passphrase, cert)))));
    }

    private static byte[] zip(Secrets s) {
        String base = s.key().label.replaceAll("[^A-Za-z0-9.-]", "_");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, base + ".key.pem", Bundles.encryptedPkcs8(s.privateKey(), s.passphrase()).getBytes(StandardCharsets.US_ASCII));
            if (s.key().csrPem != null) {
                put(zip, base + ".csr.pem", s.key().csrPem.getBytes(StandardCharsets.US_ASCII));
            }
            if (s.certificate() != null) {
                put(zip, base + ".crt.pem", s.certificate().certificatePem.getBytes(StandardCharsets.US_ASCII));
                put(zip, base + ".chain.pem", s.certificate().chainPem.getBytes(StandardCharsets.US_ASCII));
                X509Certificate leaf = Certificates.parse(s.certificate().certificatePem.getBytes(StandardCharsets.US_ASCII)).get(0);
                List<X509Certificate> chain = s.certificate().chainPem.isBlank() ? List.of()
                        : Certificates.parse(s.certificate().chainPem.getBytes(StandardCharsets.US_ASCII));
                put(zip, base + ".p12", Bundles.pkcs12(base, s.privateKey(), leaf, chain, s.passphrase()));
            }
            put(zip, "README.txt", readme(base, s.certificate() != null).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String readme(String base, boolean withCertificate) {
        return """
                秘密鍵・CSR・証明書 / Private key, CSR and certificate

                %1$s.key.pem   秘密鍵（パスフレーズで暗号化された PKCS#8）/ private key, encrypted PKCS#8 (PBES2, AES-256, PBKDF2-SHA256)
                %1$s.csr.pem   CSR（証明書署名要求）/ certificate signing request
                %2$s
                パスフレーズはこのファイルに含まれていません。別途お知らせします。
                The passphrase is not in this bundle; it is given to you separately.

                サーバーの再インストールや移転の際に必要です。安全な場所に保管してください。
                Keep these files safe: a reinstall or a move to another server needs them.
                """.formatted(base, withCertificate
                ? base + ".crt.pem   サーバー証明書 / server certificate\n" + base + ".chain.pem 中間証明書 / intermediate certificates\n"
                        + base + ".p12       PKCS#12（秘密鍵＋証明書＋中間証明書、同じパスフレーズ）/ key, certificate and chain, same passphrase"
                : "（証明書は発行後にお届けします / the certificate follows once issued）");
    }
}
