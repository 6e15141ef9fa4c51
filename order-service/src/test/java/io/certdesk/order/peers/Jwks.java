package io.certdesk.order.peers;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The key set the peers trust: the test issuer's key (kid certdesk-test) and order-service's own (kid order-service). */
final class Jwks {

    private Jwks() {
    }

    static void write(Path file) throws Exception {
        String keys = jwk("jwt/test-public.pem", "certdesk-test") + ",\n" + jwk("jwt/order-service-public.pem", "order-service");
        Files.writeString(file, "{\"keys\": [\n" + keys + "\n]}\n");
    }

    private static String jwk(String resource, String kid) throws Exception {
        String pem;
        try (InputStream in = Jwks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the test classpath");
            }
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        return "{\"kty\": \"RSA\", \"use\": \"sig\", \"alg\": \"RS256\", \"kid\": \"" + kid + "\", \"n\": \""
                + b64(key.getModulus()) + "\", \"e\": \"" + b64(key.getPublicExponent()) + "\"}";
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
