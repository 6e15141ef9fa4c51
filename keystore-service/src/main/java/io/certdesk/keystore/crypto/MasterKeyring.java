package io.certdesk.keystore.crypto;

import java.util.SortedSet;

/**
 * The versioned master keys that wrap data keys. Held in memory only while the vault is unsealed;
 * {@link #destroy()} wipes it.
 */
public interface MasterKeyring {

    /** The version new data keys are wrapped with. */
    int currentVersion();

    SortedSet<Integer> versions();

    byte[] wrap(int version, byte[] dataKey, byte[] aad);

    byte[] unwrap(int version, byte[] wrapped, byte[] aad);

    /**
     * Creates the key material of master key {@code version} without making it usable here: it is
     * only {@link #load loaded} once its row is committed, so a failed or concurrent rotation never
     * leaves a key in memory that the database does not hold. Returns what must be stored for it
     * (the key wrapped by the unseal key) or null when the key lives in a token and never leaves it.
     */
    byte[] create(int version);

    /** Adds an existing version (created by another replica): its stored wrapped key, or null for a token key. */
    void load(int version, byte[] wrapped);

    /** Forgets (and for a token, destroys) a version no data key uses any more. */
    void retire(int version);

    void destroy();

    /** Associated data binding a wrapped master key to its version. */
    static byte[] masterKeyAad(int version) {
        return ("certdesk:master-key:" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
