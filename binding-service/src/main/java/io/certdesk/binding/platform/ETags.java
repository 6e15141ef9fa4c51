package io.certdesk.binding.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Strong entity tags for single resources, the same in the three services: the tag is a digest of the JSON
 * representation, so it changes exactly when what the client sees changes. Every JSON answer that is one resource
 * carries it; {@code If-None-Match} on a GET answers 304, and {@link #check} holds writes to {@code If-Match}.
 */
@ApplicationScoped
public class ETags {

    public static final String IF_MATCH = "If-Match";

    private final ObjectMapper json;

    public ETags(ObjectMapper json) {
        this.json = json;
    }

    /** The entity tag of {@code representation}, quoted as it appears in headers. */
    public String of(Object representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(representation));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("entity tag cannot be computed", e);
        }
    }

    /**
     * Holds a change to {@code ifMatch}: 412 when the resource's current representation has another tag, 428 when
     * {@code required} and the client sent none. {@code *} matches any existing resource.
     */
    public void check(String ifMatch, Object current, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new DomainException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the ETag you read "
                        + "(GET the resource first), so a change made since cannot be overwritten");
            }
            return;
        }
        String tag = of(current);
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::strip)
                .anyMatch(t -> t.equals("*") || t.equals(tag));
        if (!matches) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED, "The resource changed since you read it "
                    + "(its ETag is now " + tag + "); read it again and retry");
        }
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        int status = response.getStatus();
        if (entity == null || status < 200 || status > 201 || !isResource(entity)
                || response.getHeaders().containsKey(HttpHeaders.ETAG)
                || response.getMediaType() == null || !response.getMediaType().getSubtype().endsWith("json")) {
            return;
        }
        String tag = of(entity);
        if ("GET".equals(request.getMethod()) && tag.equals(request.getHeaderString(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatus(304);
            response.setEntity(null);
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
    }

    private static boolean isResource(Object entity) {
        return !(entity instanceof Page<?> || entity instanceof Collection<?> || entity instanceof Problem
                || entity instanceof byte[] || entity instanceof CharSequence || entity.getClass().isArray());
    }
}
