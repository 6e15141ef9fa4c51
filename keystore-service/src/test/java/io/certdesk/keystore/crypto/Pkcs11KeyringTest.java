package io.certdesk.keystore.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Master keys inside a real SoftHSM2 token: created there, used there, never extractable. */
class Pkcs11KeyringTest {

    @Test
    void wrapsAndUnwrapsThroughTheTokenAndTheKeyNeverLeavesIt() {
        long slot = SoftHsm.slot("keyring");
        Pkcs11Keyring ring = Pkcs11Keyring.open(SoftHsm.LIBRARY, slot, SoftHsm.PIN.toCharArray());
        assertTrue(ring.versions().isEmpty());
        assertNull(ring.create(1), "a token key has nothing to store outside the token");
        assertTrue(ring.versions().isEmpty(), "a created version is usable only once loaded (after its row commits)");
        ring.load(1, null);
        assertTrue(ring.keyMaterialStaysInToken(1));

        byte[] dataKey = Aead.newKey();
        byte[] aad = "certdesk:key:x:private-key:dek".getBytes(StandardCharsets.UTF_8);
        byte[] wrapped = ring.wrap(1, dataKey, aad);
        assertArrayEquals(dataKey, ring.unwrap(1, wrapped, aad));
        assertThrows(IntegrityException.class, () -> ring.unwrap(1, wrapped, "other-row".getBytes(StandardCharsets.UTF_8)));
        byte[] flipped = wrapped.clone();
        flipped[15] ^= 1;
        assertThrows(IntegrityException.class, () -> ring.unwrap(1, flipped, aad));

        ring.create(2);
        ring.load(2, null);
        assertEquals(2, ring.currentVersion());
        byte[] rewrapped = ring.wrap(2, ring.unwrap(1, wrapped, aad), aad);
        ring.retire(1);
        assertEquals(Set.of(2), ring.versions());
        assertThrows(IntegrityException.class, () -> ring.unwrap(1, wrapped, aad));
        ring.destroy();

        // a new session on the same token finds the persistent key and opens what it wrapped
        Pkcs11Keyring reopened = Pkcs11Keyring.open(SoftHsm.LIBRARY, slot, SoftHsm.PIN.toCharArray());
        assertEquals(Set.of(2), reopened.versions());
        assertArrayEquals(dataKey, reopened.unwrap(2, rewrapped, aad));
        reopened.destroy();
    }

    @Test
    void wrongPinIsAClearError() {
        long slot = SoftHsm.slot("keyring");
        var e = assertThrows(IllegalStateException.class, () -> Pkcs11Keyring.open(SoftHsm.LIBRARY, slot, "0000".toCharArray()));
        assertTrue(e.getMessage().contains("PKCS#11 token could not be opened"), e.getMessage());
    }
}
