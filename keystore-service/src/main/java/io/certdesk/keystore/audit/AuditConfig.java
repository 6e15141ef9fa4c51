package io.certdesk.keystore.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The key that HMACs sensitive values before they enter the audit log. */
@ConfigMapping(prefix = "certdesk.audit")
public interface AuditConfig {

    /** File holding the audit HMAC key (base64 of 32 bytes); separate from the vault so audits work while sealed. */
    Optional<Path> hmacKeyFile();

    /** Create the key file (0600) when missing: for the local stack and tests, never in production. */
    @WithDefault("false")
    boolean createIfMissing();

    /**
     * Where signed checkpoints of the chain (sequence, hash, time, HMAC) are appended, one JSON line each: a file
     * the database cannot reach (another volume, shipped to a SIEM). /audit/verify holds the chain against the
     * newest one, so entries cut off the chain's end are noticed. Every checkpoint is also logged.
     */
    Optional<Path> checkpointFile();

    /** How often a checkpoint is written (only when the chain grew). */
    @WithDefault("5M")
    Duration checkpointEvery();

    /**
     * How long refusals of one actor for one action are gathered: the first twenty targets are written at once, the
     * rest counted into one summary entry when the window closes.
     */
    @WithDefault("5M")
    Duration denialWindow();
}
