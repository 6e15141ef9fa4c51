package io.certdesk.keystore.key;

import io.certdesk.keystore.crypto.IntegrityException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Associated data binding each ciphertext to its key record and field: moved or swapped, it no longer decrypts. The
 * data keys' wrapping (version 2) also binds the key's owner and its internal flag, so a database writer who changes
 * {@code managed_key.customer_id} or clears {@code internal} gets a key nobody can decrypt rather than another
 * tenant's key. Version 1 (id and field only) is read only while {@code certdesk.vault.adopt-unbound-keys} lets the
 * rewrap job bind such rows; otherwise they fail their integrity check.
 */
final class Aad {

    /** The binding every new or rewrapped key gets. */
    static final int CURRENT = 2;

    private Aad() {
    }

    static byte[] privateKey(UUID id) {
        return bytes(id, "private-key");
    }

    static byte[] passphrase(UUID id) {
        return bytes(id, "passphrase");
    }

    /** The wrapping AAD of the private key's data key for the binding {@code k} records. */
    static byte[] privateKeyDek(ManagedKey k) {
        return dek(k, k.aadVersion, "private-key:dek");
    }

    static byte[] passphraseDek(ManagedKey k) {
        return dek(k, k.aadVersion, "passphrase:dek");
    }

    /** The same for an explicit binding version (the rewrap job moves keys from 1 to {@link #CURRENT}). */
    static byte[] privateKeyDek(ManagedKey k, int version) {
        return dek(k, version, "private-key:dek");
    }

    static byte[] passphraseDek(ManagedKey k, int version) {
        return dek(k, version, "passphrase:dek");
    }

    private static byte[] dek(ManagedKey k, int version, String field) {
        return switch (version) {
            case 1 -> bytes(k.id, field);
            case 2 -> ("certdesk:key:v2:" + k.id + ":" + field + ":owner=" + owner(k.customerId) + ":internal="
                    + k.internal).getBytes(StandardCharsets.UTF_8);
            default -> throw new IntegrityException("key " + k.id + " names an unknown binding version " + version, null);
        };
    }

    /** Length-prefixed, so no owner text can be read as another owner and flag. */
    private static String owner(String customerId) {
        return customerId == null ? "-" : customerId.length() + ":" + customerId;
    }

    private static byte[] bytes(UUID id, String field) {
        return ("certdesk:key:" + id + ":" + field).getBytes(StandardCharsets.UTF_8);
    }
}
