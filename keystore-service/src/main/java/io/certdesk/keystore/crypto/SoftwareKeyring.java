package io.certdesk.keystore.crypto;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Master keys held in process memory, each stored in the database wrapped by the unseal key
 * (from the key file, or rebuilt from Shamir shares), which is kept here to wrap new versions.
 */
public final class SoftwareKeyring implements MasterKeyring {

    private final byte[] unsealKey;
    private final TreeMap<Integer, byte[]> keys = new TreeMap<>();
    /**
     * Uses of the keys share the read lock; creating, loading, retiring and destroying take the write lock. A seal
     * therefore waits for the wraps in flight, and a wrap, load or create that comes after it finds the keyring
     * destroyed: nothing is ever wrapped by a key being wiped.
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean destroyed;

    /** @param wrappedKeys stored master keys by version, each wrapped by {@code unsealKey} */
    public SoftwareKeyring(byte[] unsealKey, Map<Integer, byte[]> wrappedKeys) {
        this.unsealKey = unsealKey.clone();
        wrappedKeys.forEach((version, wrapped) ->
                keys.put(version, Aead.decrypt(this.unsealKey, wrapped, MasterKeyring.masterKeyAad(version))));
    }

    @Override
    public int currentVersion() {
        return read(() -> {
            if (keys.isEmpty()) {
                throw new IllegalStateException("no master key");
            }
            return keys.lastKey();
        });
    }

    @Override
    public SortedSet<Integer> versions() {
        return read(() -> Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet())));
    }

    @Override
    public byte[] wrap(int version, byte[] dataKey, byte[] aad) {
        return read(() -> Aead.encrypt(key(version), dataKey, aad));
    }

    @Override
    public byte[] unwrap(int version, byte[] wrapped, byte[] aad) {
        return read(() -> Aead.decrypt(key(version), wrapped, aad));
    }

    @Override
    public byte[] create(int version) {
        return write(() -> {
            byte[] key = Aead.newKey();
            try {
                return Aead.encrypt(unsealKey, key, MasterKeyring.masterKeyAad(version));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        });
    }

    @Override
    public void load(int version, byte[] wrapped) {
        write(() -> {
            if (wrapped == null) {
                throw new IntegrityException("master key version " + version + " has no stored key", null);
            }
            keys.put(version, Aead.decrypt(unsealKey, wrapped, MasterKeyring.masterKeyAad(version)));
            return null;
        });
    }

    @Override
    public void retire(int version) {
        write(() -> {
            byte[] key = keys.remove(version);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
            return null;
        });
    }

    @Override
    public void destroy() {
        lock.writeLock().lock();
        try {
            destroyed = true;
            keys.values().forEach(k -> Arrays.fill(k, (byte) 0));
            keys.clear();
            Arrays.fill(unsealKey, (byte) 0);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private byte[] key(int version) {
        byte[] key = keys.get(version);
        if (key == null) {
            throw new IntegrityException("master key version " + version + " is not available", null);
        }
        return key;
    }

    private <T> T read(Supplier<T> use) {
        lock.readLock().lock();
        try {
            if (destroyed) {
                throw Sealed.now();
            }
            return use.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> change) {
        lock.writeLock().lock();
        try {
            if (destroyed) {
                throw Sealed.now();
            }
            return change.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
