package io.certdesk.keystore.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Shamir's secret sharing over GF(2^8), byte by byte: any {@code threshold} shares rebuild the secret,
 * fewer reveal nothing about it. A share is its x coordinate (1..255) followed by one y byte per
 * secret byte, written as base64 for people to copy.
 */
public final class Shamir {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Shamir() {
    }

    public static List<String> split(byte[] secret, int shares, int threshold) {
        Objects.requireNonNull(secret, "secret");
        if (threshold < 1 || threshold > shares || shares > 255) {
            throw new IllegalArgumentException("need 1 <= threshold <= shares <= 255");
        }
        if (threshold == 1 && shares > 1) {
            // every share would be the secret itself: n copies of the key, not a split
            throw new IllegalArgumentException("a threshold of 1 hands every holder the whole secret; use 1 of 1 or "
                    + "a threshold of 2 or more");
        }
        byte[][] out = new byte[shares][secret.length + 1];
        for (int s = 0; s < shares; s++) {
            out[s][0] = (byte) (s + 1);
        }
        int[] coefficients = new int[threshold];
        for (int b = 0; b < secret.length; b++) {
            coefficients[0] = secret[b] & 0xff;
            for (int c = 1; c < threshold; c++) {
                coefficients[c] = RANDOM.nextInt(256);
            }
            for (int s = 0; s < shares; s++) {
                out[s][b + 1] = (byte) evaluate(coefficients, s + 1);
            }
        }
        java.util.Arrays.fill(coefficients, 0);
        return java.util.Arrays.stream(out).map(Base64.getEncoder()::encodeToString).toList();
    }

    /** Rebuilds the secret from distinct shares; with too few or wrong shares the result is garbage, so verify it. */
    public static byte[] combine(List<byte[]> shares) {
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("no shares");
        }
        int length = shares.get(0).length;
        Set<Integer> xs = new HashSet<>();
        for (byte[] share : shares) {
            if (share.length != length || share.length < 2 || share[0] == 0 || !xs.add(share[0] & 0xff)) {
                throw new IllegalArgumentException("shares are malformed or repeated");
            }
        }
        byte[] secret = new byte[length - 1];
        for (int b = 0; b < secret.length; b++) {
            int value = 0;
            for (int i = 0; i < shares.size(); i++) {
                int xi = shares.get(i)[0] & 0xff;
                int basis = 1;
                for (int j = 0; j < shares.size(); j++) {
                    if (i != j) {
                        int xj = shares.get(j)[0] & 0xff;
                        // Lagrange basis at 0: prod xj / (xi ^ xj)
                        basis = mul(basis, div(xj, xi ^ xj));
                    }
                }
                value ^= mul(shares.get(i)[b + 1] & 0xff, basis);
            }
            secret[b] = (byte) value;
        }
        return secret;
    }

    /** Parses a share as printed by {@link #split}; throws {@link IllegalArgumentException} when it is not one. */
    public static byte[] parse(String share) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(share.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a share is base64 text as printed at init");
        }
        if (bytes.length < 2 || bytes[0] == 0) {
            throw new IllegalArgumentException("a share is base64 text as printed at init");
        }
        return bytes;
    }

    private static int evaluate(int[] coefficients, int x) {
        int y = 0;
        for (int c = coefficients.length - 1; c >= 0; c--) {
            y = mul(y, x) ^ coefficients[c];
        }
        return y;
    }

    /**
     * Multiplication in GF(2^8) (AES polynomial) without a data-dependent branch or table lookup, so its timing
     * says nothing about the share bytes it combines.
     */
    static int mul(int a, int b) {
        int product = 0;
        for (int i = 0; i < 8; i++) {
            product ^= -(b & 1) & a;
            int carry = -((a >> 7) & 1);
            a = ((a << 1) ^ (carry & 0x11b)) & 0xff;
            b >>= 1;
        }
        return product & 0xff;
    }

    /** The inverse as a^254, always the same sequence of multiplications. */
    static int inverse(int a) {
        int square = mul(a, a);
        int result = square;
        for (int i = 0; i < 6; i++) {
            square = mul(square, square);
            result = mul(result, square);
        }
        return result;
    }

    /** Division by an x coordinate (public, never zero for distinct shares). */
    private static int div(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero in GF(256)");
        }
        return mul(a, inverse(b));
    }
}
