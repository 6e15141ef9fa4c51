package io.certdesk.keystore.key;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECPoint;

/** Whether a private key is the partner of a public key, checked arithmetically (no signing). */
final class KeyMatch {

    private KeyMatch() {
    }

    static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        if (publicKey instanceof RSAPublicKey rsa && privateKey instanceof RSAPrivateCrtKey crt) {
            return rsa.getModulus().equals(crt.getModulus()) && rsa.getPublicExponent().equals(crt.getPublicExponent());
        }
        if (publicKey instanceof ECPublicKey ec && privateKey instanceof ECPrivateKey priv) {
            var bcKey = (org.bouncycastle.jce.interfaces.ECPublicKey) toBc(ec);
            ECPoint q = bcKey.getParameters().getG().multiply(priv.getS()).normalize();
            return q.equals(bcKey.getQ().normalize());
        }
        return false;
    }

    private static PublicKey toBc(ECPublicKey key) {
        if (key instanceof org.bouncycastle.jce.interfaces.ECPublicKey) {
            return key;
        }
        try {
            return java.security.KeyFactory.getInstance("EC", BouncyCastleProvider.PROVIDER_NAME)
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(key.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("EC public key cannot be read", e);
        }
    }

}
