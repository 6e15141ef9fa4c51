package io.certdesk.keystore.crypto;

import java.security.SecureRandom;

/**
 * Passphrases people copy from paper: 24 characters from an alphabet without look-alikes
 * (no 0/O/o, 1/l/I, 2/Z/z, 5/S/s, 8/B, u/v/V, g/q/9-like lower case, and no lower-case letter
 * shaped like its capital: c, k, p, w, x, y), in groups of four joined by hyphens; 37 symbols give
 * about 5.2 bits a character, 125 bits in all.
 */
public final class Passphrases {

    static final String ALPHABET = "34679ACDEFGHJKLMNPQRTUWXYabdefhijmnrt";
    private static final int LENGTH = 24;
    /** Characters of a passphrase including its hyphens. */
    private static final int LENGTH_WITH_SEPARATORS = LENGTH + LENGTH / 4 - 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passphrases() {
    }

    public static char[] generate() {
        char[] out = new char[LENGTH_WITH_SEPARATORS];
        int p = 0;
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                out[p++] = '-';
            }
            out[p++] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return out;
    }
}
