package io.certdesk.keystore.crypto;

/** Stored ciphertext did not authenticate: it was altered, moved to another record, or the wrong key was used. */
public class IntegrityException extends RuntimeException {
    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
