package io.certdesk.keystore.acme;

import io.certdesk.keystore.platform.DomainException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The http-01 responder. The CA fetches it without credentials, through the web server of the
 * customer's domain, whose rendered configuration proxies /.well-known/acme-challenge/ here.
 */
@Path("/.well-known/acme-challenge/{token}")
@Tag(name = "ACME")
public class ChallengeResource {

    private final AcmeStore store;

    public ChallengeResource(AcmeStore store) {
        this.store = store;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "answerAcmeChallenge", summary = "Key authorization for a pending http-01 token (public, for the CA)")
    public Uni<String> answer(@PathParam("token") String token) {
        if (!token.matches("[A-Za-z0-9_-]{16,200}")) {
            return Uni.createFrom().failure(DomainException.notFound("Challenge", token));
        }
        return store.answer(token).onItem().ifNull().failWith(() -> DomainException.notFound("Challenge", token));
    }
}
