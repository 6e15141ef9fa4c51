package io.certdesk.order.platform;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import static io.restassured.RestAssured.given;

/** Signed JWTs for each role, verified by the service exactly as production tokens are. */
public final class TestTokens {

    public static final String ISSUER = "https://certdesk.local/issuer";

    private TestTokens() {
    }

    public static String token(String role) {
        var builder = Jwt.issuer(ISSUER).subject("test-" + role).upn("test-" + role + "@certdesk.test")
                .groups(role).expiresIn(Duration.ofMinutes(10));
        if (Roles.CUSTOMER.equals(role)) {
            builder.claim("customer_id", "C-1");
        }
        if (Roles.DEPLOYER.equals(role)) {
            builder.claim("server_id", "1");
        }
        return builder.sign();
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(token(role));
    }
}
