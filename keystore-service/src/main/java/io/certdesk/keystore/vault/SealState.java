package io.certdesk.keystore.vault;

import io.certdesk.keystore.crypto.MasterKeyring;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The vault's in-memory key material. Sealed means no keyring: nothing can be decrypted. Shares
 * given towards an unseal are kept here until the threshold is reached, and wiped on seal.
 */
@ApplicationScoped
public class SealState {

    private MasterKeyring keyring;
    private final List<byte[]> pendingShares = new ArrayList<>();
    private Instant firstShareAt;
    private final Duration unsealTimeout;

    public SealState(VaultConfig config) {
        this.unsealTimeout = config.unsealTimeout();
    }

    public synchronized boolean sealed() {
        return keyring == null;
    }

    /** The keyring, or a 503 problem while the vault is sealed. */
    public synchronized MasterKeyring keyring() {
        if (keyring == null) {
            throw new DomainException(ProblemType.UNAVAILABLE,
                    "The vault is sealed: key material cannot be used until it is unsealed (POST /sys/unseal)");
        }
        return keyring;
    }

    synchronized void open(MasterKeyring ring) {
        if (keyring != null && keyring != ring) {
            keyring.destroy();
        }
        keyring = ring;
        clearShares();
    }

    /** Wipes the keyring and any pending shares from memory. */
    synchronized void seal() {
        if (keyring != null) {
            keyring.destroy();
            keyring = null;
        }
        clearShares();
    }

    /** Adds a share; false when the same share was already given. Shares older than the unseal timeout are gone. */
    synchronized boolean addShare(byte[] share) {
        forgetExpired();
        for (byte[] s : pendingShares) {
            if (s[0] == share[0]) {
                return false;
            }
        }
        if (pendingShares.isEmpty()) {
            firstShareAt = Instant.now();
        }
        pendingShares.add(share);
        return true;
    }

    synchronized List<byte[]> shares() {
        return List.copyOf(pendingShares);
    }

    synchronized int progress() {
        forgetExpired();
        return pendingShares.size();
    }

    synchronized void clearShares() {
        pendingShares.forEach(s -> Arrays.fill(s, (byte) 0));
        pendingShares.clear();
        firstShareAt = null;
    }

    private void forgetExpired() {
        if (firstShareAt != null && Instant.now().isAfter(firstShareAt.plus(unsealTimeout))) {
            clearShares();
        }
    }
}
