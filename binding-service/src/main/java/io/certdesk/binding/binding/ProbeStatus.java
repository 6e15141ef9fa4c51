package io.certdesk.binding.binding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the last TLS handshake to a binding's IP:port, with its domain as SNI, found. */
@Schema(name = "ProbeStatus")
public enum ProbeStatus {
    /** Never probed (or a new certificate was linked since). */
    NOT_PROBED,
    /** The server presented exactly the linked certificate. */
    SERVED,
    /** The server answered with another certificate (not deployed yet, or the wrong one). */
    MISMATCH,
    /** No TLS handshake: nothing listens there, the connection timed out or was refused. */
    UNREACHABLE
}
