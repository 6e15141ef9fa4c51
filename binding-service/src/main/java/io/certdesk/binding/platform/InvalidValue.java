package io.certdesk.binding.platform;

/** A value that does not have its documented form; the message is written for the client and names no internals. */
public class InvalidValue extends IllegalArgumentException {

    public InvalidValue(String message) {
        super(message);
    }
}
