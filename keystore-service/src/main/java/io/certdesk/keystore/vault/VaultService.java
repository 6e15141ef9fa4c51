package io.certdesk.keystore.vault;

import io.certdesk.keystore.crypto.Aead;
import io.certdesk.keystore.crypto.MasterKeyring;
import io.certdesk.keystore.crypto.Pkcs11Keyring;
import io.certdesk.keystore.crypto.SecretFiles;
import io.certdesk.keystore.crypto.Shamir;
import io.certdesk.keystore.crypto.SoftwareKeyring;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.Offload;
import io.certdesk.keystore.platform.ProblemType;
import io.certdesk.keystore.platform.Times;
import io.certdesk.keystore.vault.VaultConfig.UnsealMode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The vault's lifecycle: initialise, unseal (shares, key file or token), seal, rotate the master key. */
@ApplicationScoped
public class VaultService {

    private static final byte[] CHECK_LABEL = "certdesk:vault:key-check".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_SHARES = 16;

    private final VaultRepository vaults;
    private final MasterKeyRepository masterKeys;
    private final SealState seal;
    private final VaultConfig config;

    public VaultService(VaultRepository vaults, MasterKeyRepository masterKeys, SealState seal, VaultConfig config) {
        this.vaults = vaults;
        this.masterKeys = masterKeys;
        this.seal = seal;
        this.config = config;
    }

    /** Auto-unseal: a misconfigured key file or token stops the service at start rather than at the first request. */
    void onStart(@Observes StartupEvent event) throws Throwable {
        if (config.unseal() != UnsealMode.SHAMIR) {
            SealStatus opened = VertxContextSupport.subscribeAndAwait(() -> unsealFromProvider(null));
            if (opened == null) {
                Log.warn("Vault stays sealed: the cluster was sealed (POST /sys/seal); POST /sys/unseal re-opens every replica");
            } else {
                Log.infof("Vault unsealed from its %s", config.unseal().source());
            }
        } else {
            Log.info("Vault is sealed; unseal it with POST /sys/unseal (k of n shares)");
        }
    }

    @WithSession
    public Uni<SealStatus> status() {
        return vaults.current().flatMap(v -> {
            if (seal.sealed()) {
                return Uni.createFrom().item(statusOf(v, null));
            }
            return Uni.createFrom().item(statusOf(v, seal.keyring().currentVersion()));
        });
    }

    /** SHAMIR mode: creates the root key and master key 1, and hands out the shares once. The vault stays sealed. */
    @WithTransaction
    public Uni<InitResult> init(int shares, int threshold) {
        if (config.unseal() != UnsealMode.SHAMIR) {
            return Uni.createFrom().failure(DomainException.conflict("This vault unseals from its "
                    + config.unseal().source() + "; init applies to SHAMIR mode only"));
        }
        if (shares < 1 || shares > MAX_SHARES || threshold < 1 || threshold > shares) {
            return Uni.createFrom().failure(DomainException.invalid("threshold",
                    "need 1 <= threshold <= shares <= " + MAX_SHARES + " (e.g. 3 of 5)"));
        }
        if (threshold == 1 && shares > 1) {
            return Uni.createFrom().failure(DomainException.invalid("threshold", "a threshold of 1 gives every one of the "
                    + shares + " holders the whole root key; use 1 of 1, or 2 or more (e.g. 3 of 5)"));
        }
        return vaults.current().flatMap(existing -> {
            if (existing != null && existing.confirmedAt != null) {
                return Uni.createFrom().failure(DomainException.conflict("The vault was initialised at "
                        + existing.initializedAt + " and unsealed with its shares at " + existing.confirmedAt
                        + "; it cannot be initialised again"));
            }
            if (existing == null) {
                return Uni.createFrom().item(false);
            }
            // pending: its shares never unsealed it, so nothing was encrypted under it; replace it
            Log.warnf("Replacing the vault initialised at %s whose shares never unsealed it", existing.initializedAt);
            seal.clearShares();
            return masterKeys.deleteAll().chain(() -> vaults.delete(existing)).call(() -> vaults.flush()).replaceWith(true);
        }).flatMap(replaced -> {
            byte[] root = Aead.newKey();
            List<String> keyShares = Shamir.split(root, shares, threshold);
            Vault v = newVault(UnsealMode.SHAMIR, keyCheck(root));
            v.confirmedAt = null;
            v.secretShares = (short) shares;
            v.secretThreshold = (short) threshold;
            SoftwareKeyring ring = new SoftwareKeyring(root, Map.of());
            MasterKey first = newMasterKey(1, ring.create(1));
            ring.destroy();
            Arrays.fill(root, (byte) 0);
            return vaults.persist(v).chain(() -> masterKeys.persist(first))
                    .replaceWith(new InitResult(shares, threshold, keyShares));
        });
    }

    /** Takes one share (SHAMIR) or re-opens from the key file or token (FILE, PKCS11). */
    public Uni<SealStatus> unseal(String share, String by) {
        if (config.unseal() != UnsealMode.SHAMIR) {
            if (share != null && !share.isBlank()) {
                // a share means the caller thinks this vault is split: say it is not, rather than ignore it
                return Uni.createFrom().failure(DomainException.invalid("share", "this vault unseals from its "
                        + config.unseal().source() + "; send {} without a share"));
            }
            return seal.sealed() ? unsealFromProvider(by) : setClusterSeal(false, by).chain(this::status);
        }
        if (share == null || share.isBlank()) {
            return Uni.createFrom().failure(DomainException.invalid("share", "one key share is required"));
        }
        byte[] parsed;
        try {
            parsed = Shamir.parse(share);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(DomainException.invalid("share", e.getMessage()));
        }
        return unsealWithShare(parsed, by);
    }

    @WithTransaction
    Uni<SealStatus> unsealWithShare(byte[] share, String by) {
        return vaults.current().flatMap(v -> {
            if (v == null) {
                return Uni.createFrom().failure(DomainException.conflict("The vault is not initialised yet (POST /sys/init)"));
            }
            if (!seal.sealed()) {
                return Uni.createFrom().item(statusOf(v, seal.keyring().currentVersion()));
            }
            if (!seal.addShare(share)) {
                return Uni.createFrom().failure(DomainException.invalid("share", "this share was already given"));
            }
            if (seal.progress() < v.secretThreshold) {
                return Uni.createFrom().item(statusOf(v, null));
            }
            byte[] root;
            try {
                root = Shamir.combine(seal.shares());
            } catch (IllegalArgumentException e) {
                seal.clearShares();
                return Uni.createFrom().failure(new DomainException(ProblemType.UNPROCESSABLE,
                        "The shares do not fit together; unseal progress was reset"));
            }
            if (!MessageDigest.isEqual(keyCheck(root), v.keyCheck)) {
                seal.clearShares();
                Arrays.fill(root, (byte) 0);
                return Uni.createFrom().failure(new DomainException(ProblemType.UNPROCESSABLE,
                        "The shares given do not rebuild the root key; unseal progress was reset, start again with "
                                + v.secretThreshold + " valid shares"));
            }
            return masterKeys.active().call(ignored -> setClusterSeal(false, by)).flatMap(keys -> {
                seal.open(new SoftwareKeyring(root, wrappedByVersion(keys)));
                Arrays.fill(root, (byte) 0);
                if (v.confirmedAt != null) {
                    return Uni.createFrom().item(statusOf(v, seal.keyring().currentVersion()));
                }
                // the shares have now proven themselves: the init is final
                v.confirmedAt = Times.now();
                return vaults.flush().replaceWith(statusOf(v, seal.keyring().currentVersion()));
            });
        });
    }

    /** The master key version new data keys get; 503 while sealed. */
    public int currentVersion() {
        return seal.keyring().currentVersion();
    }

    /**
     * Seals every replica: records the order (the others follow within {@code seal-check-every}) and wipes this
     * replica's key material. Runs in the caller's transaction; a replica re-opening by itself waits for it.
     */
    public Uni<SealStatus> seal(String by) {
        return setClusterSeal(true, by).invoke(seal::seal).chain(this::status);
    }

    /** Records the cluster's seal order in the current transaction, the row locked for update. */
    Uni<Void> setClusterSeal(boolean sealed, String by) {
        // the one row exists from the migration that made the table (V11)
        return vaults.clusterSeal(LockModeType.PESSIMISTIC_WRITE).flatMap(order -> {
            if (order.sealed == sealed) {
                return Uni.createFrom().voidItem();
            }
            order.sealed = sealed;
            order.changedAt = Times.now();
            order.changedBy = by;
            return vaults.flush();
        });
    }

    /**
     * Makes this replica follow the cluster's seal order: sealed when the order says so; re-opened from the key file or
     * token (FILE, PKCS11) when it no longer does. A SHAMIR replica is unsealed only with shares (POST /sys/unseal).
     */
    private static final java.time.Duration FIRST_REOPEN_BACKOFF = java.time.Duration.ofSeconds(30);
    private static final java.time.Duration MAX_REOPEN_BACKOFF = java.time.Duration.ofMinutes(10);
    private volatile java.time.Instant nextReopen = java.time.Instant.EPOCH;
    private volatile java.time.Duration reopenBackoff = FIRST_REOPEN_BACKOFF;

    @WithSession
    public Uni<Void> followClusterSeal() {
        return vaults.clusterSealNow().flatMap(order -> {
            boolean ordered = order != null && Boolean.TRUE.equals(order[0]);
            if (ordered && !seal.sealed()) {
                seal.seal();
                Log.warnf("Vault sealed: %s sealed the cluster at %s", order[1], order[2]);
            } else if (!ordered && seal.sealed() && config.unseal() != UnsealMode.SHAMIR
                    && !Times.now().isBefore(nextReopen)) {
                return unsealFromProvider(null).invoke(opened -> {
                    reopenBackoff = FIRST_REOPEN_BACKOFF;
                    if (opened != null) {
                        Log.infof("Vault re-opened from its %s: the cluster was unsealed",
                                config.unseal().source());
                    }
                }).onFailure().invoke(e -> {
                    // a key file or token that does not open is not tried every tick (a PIN tried that often could
                    // lock the token): again after 30 s, then twice as long each time, at most every 10 minutes
                    nextReopen = Times.now().plus(reopenBackoff);
                    Log.warnf("Vault could not re-open from its %s (%s); next try after %s", config.unseal().source(),
                            e.getMessage(), nextReopen);
                    reopenBackoff = reopenBackoff.multipliedBy(2).compareTo(MAX_REOPEN_BACKOFF) > 0 ? MAX_REOPEN_BACKOFF
                            : reopenBackoff.multipliedBy(2);
                }).onFailure().recoverWithNull().replaceWithVoid();
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Adds a master key version; the rewrap job then moves every data key onto it. Rotations are
     * serialised on the vault row, and the new version becomes usable only after its row committed.
     */
    public Uni<Integer> rotate() {
        MasterKeyring ring = seal.keyring();
        return createVersion(ring).map(created -> {
            ring.load(created.version, created.wrappedKey);
            return created.version;
        });
    }

    @WithTransaction
    Uni<MasterKey> createVersion(MasterKeyring ring) {
        return vaults.lock().flatMap(v -> masterKeys.newestVersion()).flatMap(newest -> {
            int version = newest + 1;
            return masterKeys.persist(newMasterKey(version, ring.create(version)));
        });
    }

    /**
     * The version new data keys must be wrapped with: the newest active one in the database (which
     * another replica may have created), loaded here if needed. Its row is share-locked until the
     * caller's transaction ends, so it cannot be retired while a key is being written with it.
     */
    public Uni<Integer> lockCurrentVersion() {
        MasterKeyring ring = seal.keyring();
        return masterKeys.lockNewestActive().map(current -> {
            if (current == null) {
                throw new IllegalStateException("the vault has no active master key");
            }
            if (!ring.versions().contains(current.version)) {
                ring.load(current.version, current.wrappedKey);
            }
            return current.version;
        });
    }

    /** Makes sure the keyring knows every active version, including ones another replica created. */
    @WithSession
    public Uni<MasterKeyring> refreshKeyring() {
        MasterKeyring ring = seal.keyring();
        return masterKeys.active().map(keys -> {
            for (MasterKey k : keys) {
                if (!ring.versions().contains(k.version)) {
                    ring.load(k.version, k.wrappedKey);
                }
            }
            return ring;
        });
    }

    /**
     * Retires master key versions older than the current one that no data key uses any more: each is
     * locked, counted again under the lock, marked retired and its wrapped key erased; only after the
     * commit is it forgotten here (and, for a token, deleted from the token).
     */
    public Uni<List<Integer>> retireUnused() {
        MasterKeyring ring = seal.keyring();
        return retireInDatabase(ring.currentVersion()).invoke(retired -> retired.forEach(ring::retire));
    }

    @WithTransaction
    Uni<List<Integer>> retireInDatabase(int current) {
        return masterKeys.candidatesBefore(current).flatMap(candidates -> Multi.createFrom().iterable(candidates)
                .onItem().transformToUniAndConcatenate(version -> masterKeys.lockForRetirement(version)
                        .flatMap(row -> row == null || row.retiredAt != null
                                ? Uni.createFrom().<Integer>nullItem()
                                : masterKeys.keysUsing(version).map(count -> {
                                    if (count > 0) {
                                        return null;
                                    }
                                    row.retiredAt = Times.now();
                                    row.wrappedKey = null;
                                    return version;
                                })))
                .filter(java.util.Objects::nonNull)
                .collect().asList());
    }

    /**
     * Opens the keyring from the key file or token. {@code by} null: this replica re-opens by itself, only while the
     * cluster is not sealed (null when it is); otherwise an unseal by that person, which lifts the cluster's seal.
     */
    @WithTransaction
    Uni<SealStatus> unsealFromProvider(String by) {
        Uni<Boolean> allowed = by == null
                ? vaults.clusterSeal(LockModeType.PESSIMISTIC_READ).map(order -> order == null || !order.sealed)
                : setClusterSeal(false, by).replaceWith(true);
        return allowed.flatMap(open -> open ? openFromProvider() : Uni.createFrom().nullItem());
    }

    private Uni<SealStatus> openFromProvider() {
        return vaults.current().flatMap(v -> {
            if (v != null && v.unsealMode != config.unseal()) {
                return Uni.createFrom().failure(new IllegalStateException("The vault was initialised for " + v.unsealMode
                        + " unsealing but certdesk.vault.unseal is " + config.unseal()));
            }
            return config.unseal() == UnsealMode.FILE ? openFromKeyFile(v) : openFromToken(v);
        });
    }

    private Uni<SealStatus> openFromKeyFile(Vault existing) {
        VaultConfig.KeyFile file = config.keyFile();
        // file I/O off the event loop (the start, an unseal, and SealWatch's re-open all come here)
        return Offload.cpu(() -> SecretFiles.loadOrCreate(file.path().orElseThrow(() -> new IllegalStateException(
                "certdesk.vault.key-file.path is required in FILE mode")), file.createIfMissing(), "vault master key"))
                .flatMap(key -> openWithKey(existing, key));
    }

    private Uni<SealStatus> openWithKey(Vault existing, byte[] key) {
        byte[] check = keyCheck(key);
        Uni<Vault> vault;
        if (existing == null) {
            vault = vaults.persist(newVault(UnsealMode.FILE, check));
        } else if (!MessageDigest.isEqual(check, existing.keyCheck)) {
            Arrays.fill(key, (byte) 0);
            return Uni.createFrom().failure(new IllegalStateException(
                    "The vault key file does not hold the key this vault was created with; refusing to unseal"));
        } else {
            vault = Uni.createFrom().item(existing);
        }
        return vault.flatMap(v -> masterKeys.active().flatMap(keys -> {
            SoftwareKeyring ring = new SoftwareKeyring(key, wrappedByVersion(keys));
            Arrays.fill(key, (byte) 0);
            Uni<Void> first = keys.isEmpty() ? firstMasterKey(ring) : Uni.createFrom().voidItem();
            return first.map(ignored -> {
                seal.open(ring);
                return statusOf(v, ring.currentVersion());
            });
        }));
    }

    private Uni<SealStatus> openFromToken(Vault existing) {
        // the token's native login off the event loop
        return Offload.cpu(this::openToken).flatMap(ring -> openWithToken(existing, ring));
    }

    private Pkcs11Keyring openToken() {
        VaultConfig.Pkcs11 p11 = config.pkcs11();
        char[] pin = p11.pin().orElseThrow(() -> new IllegalStateException("certdesk.vault.pkcs11.pin is required"))
                .toCharArray();
        try {
            return Pkcs11Keyring.open(
                    p11.library().orElseThrow(() -> new IllegalStateException("certdesk.vault.pkcs11.library is required")),
                    p11.slot().orElseThrow(() -> new IllegalStateException("certdesk.vault.pkcs11.slot is required")), pin);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private Uni<SealStatus> openWithToken(Vault existing, Pkcs11Keyring ring) {
        Uni<Vault> vault = existing == null ? vaults.persist(newVault(UnsealMode.PKCS11, null)) : Uni.createFrom().item(existing);
        return vault.flatMap(v -> masterKeys.active().flatMap(keys -> {
            for (MasterKey k : keys) {
                if (!ring.versions().contains(k.version)) {
                    ring.destroy();
                    return Uni.createFrom().failure(new IllegalStateException(
                            "The PKCS#11 token does not hold master key version " + k.version + "; wrong token or slot?"));
                }
            }
            Uni<Void> first = keys.isEmpty() ? firstMasterKey(ring) : Uni.createFrom().voidItem();
            return first.map(ignored -> {
                seal.open(ring);
                return statusOf(v, ring.currentVersion());
            });
        }));
    }

    private Uni<Void> firstMasterKey(MasterKeyring ring) {
        byte[] wrapped = ring.create(1);
        return masterKeys.persist(newMasterKey(1, wrapped)).invoke(() -> ring.load(1, wrapped)).replaceWithVoid();
    }

    private SealStatus statusOf(Vault v, Integer currentVersion) {
        return new SealStatus(v != null, seal.sealed(), config.unseal(), v == null ? 0 : v.secretShares,
                v == null ? 0 : v.secretThreshold, seal.progress(), currentVersion);
    }

    private static Vault newVault(UnsealMode mode, byte[] check) {
        Vault v = new Vault();
        v.id = Vault.ID;
        v.unsealMode = mode;
        v.keyCheck = check;
        v.initializedAt = Times.now();
        v.confirmedAt = v.initializedAt;
        return v;
    }

    private static MasterKey newMasterKey(int version, byte[] wrapped) {
        MasterKey k = new MasterKey();
        k.version = version;
        k.wrappedKey = wrapped;
        k.createdAt = Times.now();
        return k;
    }

    private static Map<Integer, byte[]> wrappedByVersion(List<MasterKey> keys) {
        Map<Integer, byte[]> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k.version, k.wrappedKey));
        return map;
    }

    static byte[] keyCheck(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(CHECK_LABEL);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
