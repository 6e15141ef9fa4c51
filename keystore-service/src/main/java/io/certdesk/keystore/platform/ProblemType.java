package io.certdesk.keystore.platform;

import java.net.URI;

/**
 * Every problem type the certdesk services answer with, the same list in all three; clients may switch on
 * {@link #uri()}. The contract lists them under the Problem schema ({@code x-problem-types}).
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    VALIDATION(400, "validation", "Invalid input"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    ISSUER_UNAVAILABLE(409, "issuer-unavailable", "That issuer cannot be used here"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource changed since it was read"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    UNPROCESSABLE(422, "unprocessable", "Request cannot be processed"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "The Idempotency-Key was used for another request"),
    CERTIFICATE_UNPARSEABLE(422, "certificate-unparseable", "The certificate cannot be read"),
    CERTIFICATE_KEY_MISMATCH(422, "certificate-key-mismatch", "The certificate is not for this key"),
    CERTIFICATE_NOT_FOR_SERVERS(422, "certificate-not-for-servers", "The certificate is not a web server's certificate"),
    CERTIFICATE_NAMES_NOT_COVERED(422, "certificate-names-not-covered", "The certificate does not cover the CSR's names"),
    CERTIFICATE_NOT_VALID_NOW(422, "certificate-not-valid-now", "The certificate is expired or not yet valid"),
    CERTIFICATE_CHAIN_BROKEN(422, "certificate-chain-broken", "The chain does not link the certificate to its issuer"),
    CERTIFICATE_UNTRUSTED(422, "certificate-untrusted", "The chain does not lead to a trusted root"),
    MIGRATION_REFUSED(422, "migration-refused", "The certificate cannot move to that server"),
    PRECONDITION_REQUIRED(428, "precondition-required", "If-Match is required"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request header fields too large"),
    INTERNAL(500, "internal", "Internal error"),
    INTEGRITY(500, "integrity", "Stored key material failed its integrity check"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    /** Base of every problem type URI; documents live under it. */
    public static final String BASE = "https://certdesk.io/problems/";

    private final int status;
    private final URI uri;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.uri = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    /** The type for a plain HTTP status raised by the framework or the HTTP layer (unknown path, wrong method...). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> TOO_MANY_REQUESTS;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : MALFORMED_REQUEST;
        };
    }
}
