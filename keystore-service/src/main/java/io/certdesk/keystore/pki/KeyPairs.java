package io.certdesk.keystore.pki;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

/** Key pair generation and (de)serialisation. CPU-heavy for RSA: never call on an event loop. */
public final class KeyPairs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPairs() {
    }

    public static KeyPair generate(KeyAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.family(), "BC");
            if (algorithm.curve() != null) {
                generator.initialize(new ECGenParameterSpec(algorithm.curve()), RANDOM);
            } else {
                generator.initialize(new RSAKeyGenParameterSpec(algorithm.bits(), RSAKeyGenParameterSpec.F4), RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("Key generation failed for " + algorithm, e);
        }
    }

    /** The private key from its PKCS#8 DER encoding. */
    public static PrivateKey privateKey(KeyAlgorithm algorithm, byte[] pkcs8) {
        Objects.requireNonNull(pkcs8, "pkcs8");
        try {
            return KeyFactory.getInstance(algorithm.family(), "BC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new PkiException("Stored private key cannot be decoded", e);
        }
    }

    /** The public key from its SubjectPublicKeyInfo DER encoding. */
    public static PublicKey publicKey(KeyAlgorithm algorithm, byte[] spki) {
        Objects.requireNonNull(spki, "spki");
        try {
            return KeyFactory.getInstance(algorithm.family(), "BC").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new PkiException("Stored public key cannot be decoded", e);
        }
    }
}
