package io.certdesk.keystore.key;

import io.certdesk.keystore.crypto.Aead;
import io.certdesk.keystore.crypto.IntegrityException;
import io.certdesk.keystore.crypto.MasterKeyring;
import io.certdesk.keystore.crypto.Passphrases;
import io.certdesk.keystore.pki.CsrSubject;
import io.certdesk.keystore.pki.Csrs;
import io.certdesk.keystore.pki.Fingerprints;
import io.certdesk.keystore.pki.KeyAlgorithm;
import io.certdesk.keystore.pki.KeyPairs;
import io.certdesk.keystore.pki.Pem;
import io.certdesk.keystore.pki.SubjectValidator;
import io.certdesk.keystore.platform.CustomerId;
import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.ETags;
import io.certdesk.keystore.platform.KeyId;
import io.certdesk.keystore.platform.OrderId;
import io.certdesk.keystore.platform.Page;
import io.certdesk.keystore.platform.PageRequest;
import io.certdesk.keystore.platform.Problem;
import io.certdesk.keystore.platform.Times;
import io.certdesk.keystore.vault.SealState;
import io.certdesk.keystore.vault.VaultConfig;
import io.certdesk.keystore.vault.VaultService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Generates keys and CSRs in custody and guards their secrets with envelope encryption. */
@ApplicationScoped
public class KeyService {

    private static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "label", "label", "id", "id");

    private final KeyRepository keys;
    private final SealState seal;
    private final VaultService vault;
    private final ETags etags;

    private final boolean adoptUnboundKeys;

    private final KeyGenerationPool generation;

    public KeyService(KeyRepository keys, SealState seal, VaultService vault, ETags etags, VaultConfig config,
            KeyGenerationPool generation) {
        this.generation = generation;
        this.adoptUnboundKeys = config.adoptUnboundKeys();
        this.etags = etags;
        this.keys = keys;
        this.seal = seal;
        this.vault = vault;
    }

    /** Generates the pair off the event loop, then encrypts and stores it. Refused (503) while sealed. */
    public Uni<KeyView> generate(KeyRequest request, String createdBy) {
        seal.keyring();
        return generation.run(() -> KeyPairs.generate(request.algorithm()))
                .flatMap(pair -> store(request, pair, createdBy));
    }

    @WithTransaction
    Uni<KeyView> store(KeyRequest request, KeyPair pair, String createdBy) {
        return storeNew(request, pair, createdBy, false).map(KeyService::view);
    }

    /**
     * Generates a key and signs its CSR in one transaction, so a refused CSR leaves no key behind.
     * The subject is validated before any key is generated.
     */
    public Uni<KeyView> generateWithCsr(KeyRequest request, CsrRequest csrRequest, String createdBy) {
        CsrSubject subject;
        try {
            subject = validate(csrRequest);
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        seal.keyring();
        return generation.run(() -> KeyPairs.generate(request.algorithm()))
                .flatMap(pair -> storeWithCsr(request, pair, subject, createdBy));
    }

    @WithTransaction
    Uni<KeyView> storeWithCsr(KeyRequest request, KeyPair pair, CsrSubject subject, String createdBy) {
        return storeNew(request, pair, createdBy, false).map(k -> {
            attachCsr(k, pair, subject);
            return view(k);
        });
    }

    /**
     * Encrypts and persists a generated pair in the caller's transaction. Internal keys (the ACME
     * account, the development CA) are invisible to the API: no reading, export or passphrase.
     */
    public Uni<ManagedKey> storeNew(KeyRequest request, KeyPair pair, String createdBy, boolean internal) {
        return vault.lockCurrentVersion().flatMap(version -> encryptAndPersist(request.customerId().value(),
                request.label().strip(), request.orderId() == null ? null : request.orderId().value(),
                request.algorithm(), pair, createdBy, internal, version));
    }

    /** Stores one of the service's own keys (ACME account, development CA) under {@code owner}; caller's transaction. */
    public Uni<ManagedKey> storeInternal(String owner, String label, KeyAlgorithm algorithm, KeyPair pair) {
        return vault.lockCurrentVersion().flatMap(version -> encryptAndPersist(owner, label, null, algorithm, pair,
                "system", true, version));
    }

    private Uni<ManagedKey> encryptAndPersist(String owner, String label, String orderId, KeyAlgorithm algorithm,
            KeyPair pair, String createdBy, boolean internal, int version) {
        MasterKeyring ring = seal.keyring();
        ManagedKey k = new ManagedKey();
        k.internal = internal;
        k.id = UUID.randomUUID();
        k.customerId = owner;
        k.label = label;
        k.orderId = orderId;
        k.algorithm = algorithm;
        k.publicKey = pair.getPublic().getEncoded();
        k.publicKeySha256 = Fingerprints.sha256(k.publicKey);
        k.masterKeyVersion = version;
        k.aadVersion = Aad.CURRENT;

        byte[] privateDek = Aead.newKey();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        k.privateKeyCiphertext = Aead.encrypt(privateDek, pkcs8, Aad.privateKey(k.id));
        k.privateKeyDataKey = ring.wrap(version, privateDek, Aad.privateKeyDek(k));

        byte[] passphraseDek = Aead.newKey();
        byte[] passphrase = utf8(Passphrases.generate());
        k.passphraseCiphertext = Aead.encrypt(passphraseDek, passphrase, Aad.passphrase(k.id));
        k.passphraseDataKey = ring.wrap(version, passphraseDek, Aad.passphraseDek(k));
        wipe(privateDek, pkcs8, passphraseDek, passphrase);

        k.createdAt = Times.now();
        k.createdBy = createdBy;
        return keys.persist(k);
    }

    /** Validates the subject, signs a CSR with the stored private key and keeps it with the key. */
    @WithTransaction
    public Uni<KeyView> createCsr(UUID id, CsrRequest request, String ifMatch) {
        CsrSubject subject;
        try {
            subject = validate(request);
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        seal.keyring();
        return requireUsable(id, null).flatMap(k -> keyringFor(k).map(ring -> {
            etags.check(ifMatch, view(k), false);
            PrivateKey privateKey = decryptPrivateKey(ring, k);
            attachCsr(k, new KeyPair(KeyPairs.publicKey(k.algorithm, k.publicKey), privateKey), subject);
            return view(k);
        }));
    }

    private static void attachCsr(ManagedKey k, KeyPair pair, CsrSubject subject) {
        PKCS10CertificationRequest csr = Csrs.build(pair, k.algorithm, subject);
        k.csrPem = Pem.write(csr);
        k.csrSubject = csr.getSubject().toString();
        k.csrNames = String.join("\n", subject.dnsNames());
        k.csrLevel = subject.level();
        k.csrCreatedAt = Times.now();
    }

    private static CsrSubject validate(CsrRequest request) {
        try {
            return SubjectValidator.validate(request.validationLevel(), request.commonName(), request.organization(),
                    request.organizationalUnit(), request.locality(), request.state(), request.country(),
                    request.subjectAlternativeNames());
        } catch (SubjectValidator.InvalidSubjectException e) {
            List<Problem.Violation> violations = e.problems().stream()
                    .map(p -> new Problem.Violation(p.field(), p.message())).toList();
            throw new DomainException(io.certdesk.keystore.platform.ProblemType.VALIDATION, e.getMessage(), violations);
        }
    }

    /** Decrypts the passphrase for its owner or staff. */
    @WithSession
    public Uni<PassphraseView> revealPassphrase(UUID id, String customerScope) {
        seal.keyring();
        return requireUsable(id, customerScope).flatMap(k -> passphrase(k).map(chars -> {
            try {
                return new PassphraseView(KeyId.of(k.id), new String(chars));
            } finally {
                Arrays.fill(chars, '\0');
            }
        }));
    }

    /** The key's passphrase, in the caller's session; 503 while sealed. */
    public Uni<char[]> passphrase(ManagedKey k) {
        return keyringFor(k).map(ring -> {
            bound(k);
            byte[] dek = ring.unwrap(k.masterKeyVersion, k.passphraseDataKey, Aad.passphraseDek(k));
            byte[] plain = Aead.decrypt(dek, k.passphraseCiphertext, Aad.passphrase(k.id));
            CharBuffer decoded = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(plain));
            wipe(dek, plain);
            // exactly the decoded characters: the buffer's backing array may be longer than its content
            char[] chars = Arrays.copyOf(decoded.array(), decoded.limit());
            Arrays.fill(decoded.array(), '\0');
            return chars;
        });
    }

    /** The key's private key, checked against its public key, in the caller's session; 503 while sealed. */
    public Uni<PrivateKey> privateKey(ManagedKey k) {
        seal.keyring();
        return keyringFor(k).map(ring -> decryptPrivateKey(ring, k));
    }

    @WithSession
    public Uni<KeyView> get(UUID id, String customerScope) {
        return require(id, customerScope).map(KeyService::view);
    }

    @WithSession
    public Uni<Page<KeyView>> list(KeyRepository.Filter filter, PageRequest paging) {
        var query = keys.listed(filter, paging.sort(SORTS, "-createdAt", "id"));
        return query.page(paging.page, paging.size).list().flatMap(items -> query.count()
                .map(total -> paging.page(items.stream().map(KeyService::view).toList(), total)));
    }

    /** One rewrap transaction's result: keys moved, rows looked at, and the last id seen. */
    public record RewrapBatch(int moved, int seen, UUID lastId) {
    }

    /**
     * Moves up to {@code limit} keys (ids after {@code afterId}) wrapped by older master keys onto the
     * current one. Only the data keys are unwrapped and wrapped again; private keys and passphrases stay
     * encrypted throughout. A row whose data key does not authenticate is left as it is and logged, so
     * one damaged row cannot stop the rotation of all others (its old version then stays unretired).
     */
    @WithTransaction
    public Uni<RewrapBatch> rewrapBatch(UUID afterId, int limit) {
        MasterKeyring ring = seal.keyring();
        return vault.lockCurrentVersion().flatMap(current -> keys.lockOnOlderVersions(current, afterId, limit).map(batch -> {
            int moved = 0;
            for (ManagedKey k : batch) {
                try {
                    if (k.aadVersion < Aad.CURRENT && !adoptUnboundKeys) {
                        throw new IntegrityException("it is not bound to its owner (binding version " + k.aadVersion
                                + ") and certdesk.vault.adopt-unbound-keys is off", null);
                    }
                    byte[] privateDek = ring.unwrap(k.masterKeyVersion, k.privateKeyDataKey, Aad.privateKeyDek(k));
                    byte[] passphraseDek = ring.unwrap(k.masterKeyVersion, k.passphraseDataKey, Aad.passphraseDek(k));
                    k.privateKeyDataKey = ring.wrap(current, privateDek, Aad.privateKeyDek(k, Aad.CURRENT));
                    k.passphraseDataKey = ring.wrap(current, passphraseDek, Aad.passphraseDek(k, Aad.CURRENT));
                    if (k.aadVersion < Aad.CURRENT) {
                        io.quarkus.logging.Log.warnf("Key %s is now bound to its owner %s as the database records it",
                                k.id, k.customerId);
                    }
                    k.aadVersion = Aad.CURRENT;
                    k.masterKeyVersion = current;
                    wipe(privateDek, passphraseDek);
                    moved++;
                } catch (IntegrityException e) {
                    io.quarkus.logging.Log.errorf("Key %s cannot be rewrapped, its data keys fail their integrity check: %s",
                            k.id, e.getMessage());
                }
            }
            return new RewrapBatch(moved, batch.size(), batch.isEmpty() ? afterId : batch.get(batch.size() - 1).id);
        }));
    }

    @WithSession
    public Uni<Long> countOnOlderVersions() {
        return keys.countOnOlderVersions(seal.keyring().currentVersion());
    }

    private Uni<MasterKeyring> keyringFor(ManagedKey k) {
        MasterKeyring ring = seal.keyring();
        return ring.versions().contains(k.masterKeyVersion) ? Uni.createFrom().item(ring) : vault.refreshKeyring();
    }

    /** A key whose wrapping does not bind its owner is not released (the rewrap job binds it when adopting is on). */
    private static void bound(ManagedKey k) {
        if (k.aadVersion < Aad.CURRENT) {
            throw new IntegrityException("key " + k.id + " is not bound to its owner yet; unseal with "
                    + "certdesk.vault.adopt-unbound-keys=true once so the rewrap job binds it", null);
        }
    }

    /** Decrypts and checks that the private key belongs to the stored public key. */
    static PrivateKey decryptPrivateKey(MasterKeyring ring, ManagedKey k) {
        bound(k);
        byte[] dek = ring.unwrap(k.masterKeyVersion, k.privateKeyDataKey, Aad.privateKeyDek(k));
        byte[] pkcs8 = Aead.decrypt(dek, k.privateKeyCiphertext, Aad.privateKey(k.id));
        try {
            PrivateKey key = KeyPairs.privateKey(k.algorithm, pkcs8);
            PublicKey expected = KeyPairs.publicKey(k.algorithm, k.publicKey);
            if (!KeyMatch.matches(expected, key)) {
                throw new IntegrityException("private key of " + k.id + " does not match its public key", null);
            }
            return key;
        } finally {
            wipe(dek, pkcs8);
        }
    }

    /**
     * Marks a key abandoned (its order ended before a certificate): it stays in custody and on the audit trail but is
     * never used, exported or revealed again. Caller's transaction, which decided that the key has no certificate.
     * Abandoning twice changes nothing; the answer says whether this call did it.
     */
    public Uni<Boolean> abandon(UUID id, String reason, String by) {
        return keys.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).flatMap(k -> {
            if (k == null || k.internal) {
                return Uni.createFrom().failure(DomainException.notFound("Key", id));
            }
            if (k.abandonedAt != null) {
                return Uni.createFrom().item(false);
            }
            k.abandonedAt = Times.now();
            k.abandonedBy = by;
            k.abandonReason = reason;
            return keys.flush().replaceWith(true);
        });
    }

    /** A key that may still be used: as {@link #require}, and an abandoned key is 409 saying why. */
    public Uni<ManagedKey> requireUsable(UUID id, String customerScope) {
        return require(id, customerScope).map(k -> {
            if (k.abandonedAt != null) {
                throw DomainException.conflict("Key " + k.id + " was abandoned (" + k.abandonReason
                        + ") and is not used, exported or revealed any more");
            }
            return k;
        });
    }

    /**
     * Reads a key; {@code customerScope} non-null limits to that customer's keys, and another
     * customer's key answers exactly like a missing one.
     */
    public Uni<ManagedKey> require(UUID id, String customerScope) {
        return keys.findById(id).flatMap(k -> {
            if (k == null || k.internal) {
                return Uni.createFrom().failure(DomainException.notFound("Key", id));
            }
            if (customerScope != null && !customerScope.equals(k.customerId)) {
                return Uni.createFrom().failure(DomainException.hidden("Key", id));
            }
            return Uni.createFrom().item(k);
        });
    }

    /** An internal key (ACME account, development CA) for the service's own use; caller's session. */
    public Uni<ManagedKey> requireInternal(UUID id) {
        return keys.findById(id).map(k -> {
            if (k == null || !k.internal) {
                throw new IllegalStateException("internal key " + id + " is missing");
            }
            return k;
        });
    }

    static KeyView view(ManagedKey k) {
        KeyView.Csr csr = k.csrPem == null ? null : new KeyView.Csr(k.csrPem, k.csrSubject,
                List.of(k.csrNames.split("\n")), k.csrLevel, csrFingerprint(k.csrPem), k.csrCreatedAt);
        return new KeyView(KeyId.of(k.id), new CustomerId(k.customerId), k.label,
                k.orderId == null ? null : new OrderId(k.orderId), k.algorithm,
                k.abandonedAt == null ? KeyView.KeyStatus.ACTIVE : KeyView.KeyStatus.ABANDONED, k.abandonedAt,
                k.publicKeySha256,
                Pem.write(KeyPairs.publicKey(k.algorithm, k.publicKey)), csr, k.createdAt, k.createdBy);
    }

    static String csrFingerprint(String csrPem) {
        try {
            return Fingerprints.sha256(Csrs.read(csrPem).getEncoded());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored CSR can always be encoded", e);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = Arrays.copyOf(buffer.array(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        Arrays.fill(chars, '\0');
        return bytes;
    }

    private static void wipe(byte[]... secrets) {
        for (byte[] s : secrets) {
            Arrays.fill(s, (byte) 0);
        }
    }
}
