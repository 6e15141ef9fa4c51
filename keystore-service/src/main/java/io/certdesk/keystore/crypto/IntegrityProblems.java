package io.certdesk.keystore.crypto;

import io.certdesk.keystore.platform.Problem;
import io.certdesk.keystore.platform.ProblemMappers;
import io.certdesk.keystore.platform.ProblemType;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Stored key material that does not authenticate: a 500 that says so, with nothing returned and the event logged. */
public class IntegrityProblems {

    @ServerExceptionMapper
    public Response integrity(IntegrityException e, UriInfo uri) {
        String path = uri == null ? null : uri.getRequestUri().getRawPath();
        Log.errorf(e, "Integrity failure on %s", path);
        ProblemType type = ProblemType.INTEGRITY;
        return Response.status(type.status()).type(ProblemMappers.PROBLEM_JSON)
                .entity(new Problem(type.uri(), type.title(), type.status(), "Stored key material did not authenticate; "
                        + "it was altered or misplaced. Nothing was returned; the event is logged and audited", path,
                        List.of(), List.of()))
                .build();
    }
}
