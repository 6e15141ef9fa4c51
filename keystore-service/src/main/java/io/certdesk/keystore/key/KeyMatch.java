package io.certdesk.keystore.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/** Whether a private key is the partner of a public key. */
final class KeyMatch {

    private static final byte[] CHALLENGE = "certdesk:key-match".getBytes(StandardCharsets.UTF_8);

    private KeyMatch() {
    }

    static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        if (publicKey instanceof RSAPublicKey rsa && privateKey instanceof RSAPrivateCrtKey crt) {
            return rsa.getModulus().equals(crt.getModulus()) && rsa.getPublicExponent().equals(crt.getPublicExponent());
        }
        if (publicKey instanceof ECPublicKey && privateKey instanceof ECPrivateKey) {
            // sign and verify through JCA only: no provider-specific key classes
            try {
                Signature signer = Signature.getInstance("SHA256withECDSA");
                signer.initSign(privateKey);
                signer.update(CHALLENGE);
                byte[] signature = signer.sign();
                Signature verifier = Signature.getInstance("SHA256withECDSA");
                verifier.initVerify(publicKey);
                verifier.update(CHALLENGE);
                return verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        return false;
    }
}
