package io.certdesk.keystore.crypto;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Master keys held in process memory, each stored in the database wrapped by the unseal key
 * (from the key file, or rebuilt from Shamir shares), which is kept here to wrap new versions.
 */
public final class SoftwareKeyring implements MasterKeyring {

    private final byte[] unsealKey;
    private final TreeMap<Integer, byte[]> keys = new TreeMap<>();

    /** @param wrappedKeys stored master keys by version, each wrapped by {@code unsealKey} */
    public SoftwareKeyring(byte[] unsealKey, Map<Integer, byte[]> wrappedKeys) {
        this.unsealKey = unsealKey.clone();
        wrappedKeys.forEach((version, wrapped) ->
                keys.put(version, Aead.decrypt(this.unsealKey, wrapped, MasterKeyring.masterKeyAad(version))));
    }

    @Override
    public synchronized int currentVersion() {
        if (keys.isEmpty()) {
            throw new IllegalStateException("no master key");
        }
        return keys.lastKey();
    }

    @Override
    public synchronized SortedSet<Integer> versions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet()));
    }

    @Override
    public byte[] wrap(int version, byte[] dataKey, byte[] aad) {
        return Aead.encrypt(key(version), dataKey, aad);
    }

    @Override
    public byte[] unwrap(int version, byte[] wrapped, byte[] aad) {
        return Aead.decrypt(key(version), wrapped, aad);
    }

    @Override
    public synchronized byte[] create(int version) {
        byte[] key = Aead.newKey();
        try {
            return Aead.encrypt(unsealKey, key, MasterKeyring.masterKeyAad(version));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public synchronized void load(int version, byte[] wrapped) {
        if (wrapped == null) {
            throw new IntegrityException("master key version " + version + " has no stored key", null);
        }
        keys.put(version, Aead.decrypt(unsealKey, wrapped, MasterKeyring.masterKeyAad(version)));
    }

    @Override
    public synchronized void retire(int version) {
        byte[] key = keys.remove(version);
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public synchronized void destroy() {
        keys.values().forEach(k -> Arrays.fill(k, (byte) 0));
        keys.clear();
        Arrays.fill(unsealKey, (byte) 0);
    }

    private synchronized byte[] key(int version) {
        byte[] key = keys.get(version);
        if (key == null) {
            throw new IntegrityException("master key version " + version + " is not available", null);
        }
        return key;
    }
}
