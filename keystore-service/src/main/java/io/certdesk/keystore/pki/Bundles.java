package io.certdesk.keystore.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;

/** Passphrase-protected files for customers and web servers: encrypted PKCS#8 PEM and PKCS#12. */
public final class Bundles {

    /** PBKDF2 rounds for the customer's key file: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int PBKDF2_ITERATIONS = 600_000;

    private Bundles() {
    }

    /** The private key as PKCS#8 PEM encrypted with PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC. */
    public static String encryptedPkcs8(PrivateKey key, char[] passphrase) {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                    .setPRF(org.bouncycastle.openssl.PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setProvider("BC")
                    .setPassword(passphrase)
                    .build();
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(new JcaPKCS8Generator(key, encryptor));
            }
            return out.toString();
        } catch (OperatorCreationException | IOException e) {
            throw new PkiException("the private key could not be encrypted", e);
        }
    }

    /**
     * A PKCS#12 file with the key, the certificate and its chain. The JDK writes PBES2 with
     * PBKDF2-HMAC-SHA256 and AES-256-CBC for key and certificates, and an HMAC-SHA256 MAC.
     */
    public static byte[] pkcs12(String alias, PrivateKey key, X509Certificate certificate, List<X509Certificate> chain,
            char[] passphrase) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12", "SUN");
            store.load(null, null);
            List<Certificate> path = new ArrayList<>();
            path.add(certificate);
            path.addAll(chain);
            store.setEntry(alias, new KeyStore.PrivateKeyEntry(key, path.toArray(Certificate[]::new)),
                    new KeyStore.PasswordProtection(passphrase, "PBEWithHmacSHA256AndAES_256", null));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, passphrase);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException("the PKCS#12 file could not be written", e);
        }
    }
}
