package io.certdesk.keystore.vault;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How the vault protects and unseals its master keys. */
@ConfigMapping(prefix = "certdesk.vault")
public interface VaultConfig {

    /** SHAMIR: starts sealed, unsealed with k of n shares; FILE or PKCS11: unsealed automatically at start. */
    @WithDefault("SHAMIR")
    UnsealMode unseal();

    /**
     * SHAMIR: how long shares given towards an unseal are kept; a share older than this is forgotten, so a half
     * finished unseal does not wait in memory for whoever comes next.
     */
    @WithDefault("10M")
    Duration unsealTimeout();

    /**
     * How often each replica reads the cluster's seal order (one row): a seal on any replica reaches the others within
     * this, and FILE/PKCS11 replicas re-open within this after an unseal.
     */
    @WithDefault("2s")
    Duration sealCheckEvery();

    /** The key file (FILE mode). */
    KeyFile keyFile();

    /** The PKCS#11 token (PKCS11 mode). */
    Pkcs11 pkcs11();

    /** Background rewrapping of data keys after a rotation. */
    Rewrap rewrap();

    /**
     * Keys stored before their wrapping bound the owner (binding version 1) are refused unless this is on; with it on,
     * the rewrap job binds each such key to the owner the database records at that moment. Turn it on once, after
     * checking the database, and off again when the log says every key is bound.
     */
    @WithDefault("false")
    boolean adoptUnboundKeys();

    /** The key file: 32 random bytes, base64, readable only by the service (e.g. a mounted Kubernetes Secret). */
    interface KeyFile {
        /** Path of the key file. */
        Optional<Path> path();

        /** Create the file (0600) when it does not exist: for the local stack and tests, never in production. */
        @WithDefault("false")
        boolean createIfMissing();
    }

    /** A PKCS#11 token holding the master keys. */
    interface Pkcs11 {
        /** The PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so. */
        Optional<String> library();

        /** Slot id of the token. */
        Optional<Long> slot();

        /** User PIN of the token. */
        Optional<String> pin();
    }

    /** Rewrapping of data keys to the newest master key. */
    interface Rewrap {
        /** Keys rewrapped per transaction. */
        @WithDefault("200")
        int batchSize();

        /** How often the rewrap job looks for keys wrapped by older versions. */
        @WithDefault("30s")
        Duration every();
    }

    /** The ways the vault can be unsealed. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "UnsealMode")
    enum UnsealMode {
        SHAMIR, FILE, PKCS11;

        /** Where a FILE or PKCS11 vault's master key comes from, as the log and the problems name it. */
        String source() {
            return this == FILE ? "key file" : this == PKCS11 ? "PKCS#11 token" : "key shares";
        }
    }
}
