package io.certdesk.keystore.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.PBEParameterSpec;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;

/** Passphrase-protected files for customers and web servers: encrypted PKCS#8 PEM and PKCS#12. */
public final class Bundles {

    /** PBKDF2 rounds for the customer's key file: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int PBKDF2_ITERATIONS = 600_000;

    static {
        // the PKCS#12 file's MAC and certificate bags, set explicitly rather than left to the JDK's defaults: an
        // HMAC-SHA256 MAC over PBKDF2 with as many rounds as the key's, certificates (public anyway) unencrypted
        Security.setProperty("keystore.pkcs12.macAlgorithm", "HmacPBESHA256");
        Security.setProperty("keystore.pkcs12.macIterationCount", Integer.toString(PBKDF2_ITERATIONS));
        Security.setProperty("keystore.pkcs12.certProtectionAlgorithm", "NONE");
    }

    private static final SecureRandom RANDOM = new SecureRandom();

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
     * A PKCS#12 file with the key, the certificate and its chain: the key in PBES2 (PBKDF2-HMAC-SHA256 with
     * {@value #PBKDF2_ITERATIONS} rounds and a random 16-byte salt, AES-256-CBC), the file under an HMAC-SHA256 MAC
     * with as many rounds; the certificates in the clear.
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
                    new KeyStore.PasswordProtection(passphrase, "PBEWithHmacSHA256AndAES_256",
                            new PBEParameterSpec(salt(), PBKDF2_ITERATIONS)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, passphrase);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException("the PKCS#12 file could not be written", e);
        }
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }
}
