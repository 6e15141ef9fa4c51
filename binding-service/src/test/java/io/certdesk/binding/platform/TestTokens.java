package io.certdesk.binding.platform;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.util.Set;
import static io.restassured.RestAssured.given;

/** Signed JWTs for each role, verified by the service exactly as production tokens are. */
public final class TestTokens {

    public static final String ISSUER = "https://certdesk.local/issuer";
    /** The key id of the test signing key, so services that trust several keys (a JWKS) pick the right one. */
    public static final String KEY_ID = "certdesk-test";
    /** Test tokens are meant for all three services, so one token works against a service and its peers. */
    public static final Set<String> AUDIENCES = Set.of("order-service", "keystore-service", "binding-service");

    private TestTokens() {
    }

    /** The claims every test token starts from: the test issuer and the three services as audience. */
    public static JwtClaimsBuilder claims() {
        return Jwt.issuer(ISSUER).audience(AUDIENCES);
    }

    public static String token(String role) {
        var builder = claims().subject("test-" + role).upn("test-" + role + "@certdesk.test")
                .groups(role).expiresIn(Duration.ofMinutes(10));
        if (Roles.CUSTOMER.equals(role)) {
            builder.claim("customer_id", "C-1");
        }
        if (Roles.DEPLOYER.equals(role)) {
            builder.claim("server_id", "1");
        }
        return builder.jws().keyId(KEY_ID).sign();
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(token(role));
    }
}
