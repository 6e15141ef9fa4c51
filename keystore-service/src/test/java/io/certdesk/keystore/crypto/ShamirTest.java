package io.certdesk.keystore.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShamirTest {

    @Test
    void everySubsetOfThresholdSharesRebuildsTheSecretAndSmallerOnesDoNot() {
        byte[] secret = Aead.newKey();
        List<byte[]> shares = Shamir.split(secret, 5, 3).stream().map(Shamir::parse).toList();
        assertEquals(5, shares.size());
        int subsets = 0;
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                assertFalse(Arrays.equals(secret, Shamir.combine(List.of(shares.get(a), shares.get(b)))),
                        "two of five shares must not rebuild the secret");
                for (int c = b + 1; c < 5; c++) {
                    assertArrayEquals(secret, Shamir.combine(List.of(shares.get(a), shares.get(b), shares.get(c))));
                    subsets++;
                }
            }
        }
        assertEquals(10, subsets);
        assertArrayEquals(secret, Shamir.combine(shares));
    }

    @Test
    void oneOfOneIsTheSecretItself() {
        byte[] secret = Aead.newKey();
        assertArrayEquals(secret, Shamir.combine(List.of(Shamir.parse(Shamir.split(secret, 1, 1).get(0)))));
    }

    @Test
    void repeatedOrMalformedSharesAreRefused() {
        List<byte[]> shares = new ArrayList<>(Shamir.split(Aead.newKey(), 3, 2).stream().map(Shamir::parse).toList());
        assertThrows(IllegalArgumentException.class, () -> Shamir.combine(List.of(shares.get(0), shares.get(0))));
        assertThrows(IllegalArgumentException.class, () -> Shamir.parse("not base64 !"));
        assertThrows(IllegalArgumentException.class, () -> Shamir.split(new byte[32], 3, 4));
    }

    @Test
    void aeadRejectsTamperingAndForeignAssociatedData() {
        byte[] key = Aead.newKey();
        byte[] sealed = Aead.encrypt(key, "secret".getBytes(), "row-1".getBytes());
        assertEquals("secret", new String(Aead.decrypt(key, sealed, "row-1".getBytes())));
        assertThrows(IntegrityException.class, () -> Aead.decrypt(key, sealed, "row-2".getBytes()));
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThrows(IntegrityException.class, () -> Aead.decrypt(key, flipped, "row-1".getBytes()));
        assertThrows(IntegrityException.class, () -> Aead.decrypt(Aead.newKey(), sealed, "row-1".getBytes()));
    }

    @Test
    void passphrasesAvoidLookAlikesAndAreLong() {
        for (int i = 0; i < 200; i++) {
            String p = new String(Passphrases.generate());
            assertEquals(29, p.length());
            assertEquals(5, p.chars().filter(c -> c == '-').count());
            assertFalse(p.matches(".*[0O1lI2Zz5Ss8BuvV].*"), p);
        }
    }

    @Test
    void theArithmeticIsTheFieldsWithoutTablesOrBranches() {
        // the reference: carry-less multiplication reduced by the AES polynomial, bit by bit
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                int expected = 0;
                int x = a;
                for (int bit = 0; bit < 8; bit++) {
                    if ((b >> bit & 1) == 1) {
                        expected ^= x;
                    }
                    x = (x & 0x80) != 0 ? ((x << 1) ^ 0x11b) & 0xff : (x << 1) & 0xff;
                }
                assertEquals(expected, Shamir.mul(a, b), a + " * " + b);
            }
            if (a != 0) {
                assertEquals(1, Shamir.mul(a, Shamir.inverse(a)), "inverse of " + a);
            }
        }
    }

    @Test
    void aThresholdOfOneIsRefusedWhenThereAreSeveralShares() {
        byte[] secret = Aead.newKey();
        assertThrows(IllegalArgumentException.class, () -> Shamir.split(secret, 3, 1));
        assertEquals(1, Shamir.split(secret, 1, 1).size());
    }

    @Test
    void aDestroyedKeyringWrapsAndCreatesNothing() {
        byte[] unseal = Aead.newKey();
        SoftwareKeyring ring = new SoftwareKeyring(unseal, java.util.Map.of());
        byte[] first = ring.create(1);
        ring.load(1, first);
        byte[] wrapped = ring.wrap(1, Aead.newKey(), new byte[] {1});
        ring.destroy();
        // a seal that came in between: a rotation finishing now must not store a key wrapped by the wiped key
        io.certdesk.keystore.platform.DomainException sealed = assertThrows(
                io.certdesk.keystore.platform.DomainException.class, () -> ring.create(2));
        assertEquals(503, sealed.type().status());
        assertThrows(io.certdesk.keystore.platform.DomainException.class, () -> ring.wrap(1, Aead.newKey(), new byte[] {1}));
        assertThrows(io.certdesk.keystore.platform.DomainException.class, () -> ring.unwrap(1, wrapped, new byte[] {1}));
        assertThrows(io.certdesk.keystore.platform.DomainException.class, () -> ring.load(1, first));
    }
}
