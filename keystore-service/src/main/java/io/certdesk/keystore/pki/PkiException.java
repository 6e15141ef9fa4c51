package io.certdesk.keystore.pki;

/** A PKI operation failed for a reason inside the library or the key material, not the caller's input. */
public class PkiException extends RuntimeException {
    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
