import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints a developer token signed with the local stack's key (.data/jwt/private.pem). JDK only.
 * Usage: DevToken ROOT ROLE [CLAIM_VALUE] — customer takes a customer_id, deployer a server_id.
 */
public class DevToken {

    static final List<String> ROLES = List.of("customer", "staff", "admin", "deployer", "service");

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !ROLES.contains(args[1])) {
            System.err.println("usage: deploy/local/token.sh ROLE [ID]   ROLE: " + String.join("|", ROLES)
                    + "; customer takes a customer id (default C-1), deployer a server id (default 1)");
            System.exit(2);
        }
        Path key = Path.of(args[0], ".data/jwt/private.pem");
        if (!Files.exists(key)) {
            System.err.println(key + " does not exist yet: start the stack once (deploy/local/run.sh)");
            System.exit(2);
        }
        String role = args[1];
        String extra = "";
        if (role.equals("customer")) {
            extra = ",\"customer_id\":\"" + json(args.length > 2 ? args[2] : "C-1") + "\"";
        } else if (role.equals("deployer")) {
            extra = ",\"server_id\":\"" + json(args.length > 2 ? args[2] : "1") + "\"";
        }
        long now = Instant.now().getEpochSecond();
        // a deployer token sits on a customer's server: the services accept it for an hour at most
        long lifetime = role.equals("deployer") ? 3600 : 12 * 3600;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"certdesk-local\"}";
        String claims = "{\"iss\":\"https://certdesk.local/issuer\",\"sub\":\"dev-" + role + "\",\"upn\":\"dev-" + role
                + "@certdesk.local\",\"aud\":[\"order-service\",\"keystore-service\",\"binding-service\"],\"groups\":[\""
                + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + lifetime)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"" + extra + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey(key));
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + b64(rsa.sign()));
    }

    static PrivateKey privateKey(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
