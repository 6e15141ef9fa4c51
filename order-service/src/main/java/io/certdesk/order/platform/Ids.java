package io.certdesk.order.platform;

import java.util.regex.Pattern;

/**
 * The forms of the ids the three services share. Ids are strings on the wire; one rule per kind, so the same
 * text is the same id (or the same refusal) in every service: "01" is not server 1 anywhere.
 */
public final class Ids {

    /** A positive decimal number without sign or leading zeros, as the services' sequences hand them out. */
    public static final String SERIAL = "^[1-9][0-9]{0,17}$";
    /** A customer number issued by order-service. */
    public static final String CUSTOMER = "^C-[1-9][0-9]{0,17}$";
    /** A UUID in its canonical lower-case form. */
    public static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private static final Pattern SERIAL_FORM = Pattern.compile(SERIAL);
    private static final Pattern CUSTOMER_FORM = Pattern.compile(CUSTOMER);
    private static final Pattern UUID_FORM = Pattern.compile(UUID);

    private Ids() {
    }

    /** {@code value} when it is a serial number; else the client is told what an id of {@code what} looks like. */
    public static String serial(String value, String what) {
        return require(value, SERIAL_FORM, what, "a positive whole number without leading zeros, e.g. 1");
    }

    public static String customer(String value, String what) {
        return require(value, CUSTOMER_FORM, what, "'C-' and a number, e.g. C-1");
    }

    public static String uuid(String value, String what) {
        return require(value, UUID_FORM, what, "a lower-case UUID, e.g. 0b8e7c2a-4f1d-4c3e-9a55-2d6f0e1b7c90");
    }

    private static String require(String value, Pattern form, String what, String expected) {
        if (value == null || !form.matcher(value).matches()) {
            throw new InvalidValue(what + " must be " + expected + ", not " + shown(value));
        }
        return value;
    }

    /** A client's value quoted for an error message, shortened and without control characters. */
    public static String shown(String value) {
        if (value == null) {
            return "nothing";
        }
        String cut = value.length() <= 40 ? value : value.substring(0, 40) + "...";
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
