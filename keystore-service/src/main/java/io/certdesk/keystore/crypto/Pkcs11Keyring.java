package io.certdesk.keystore.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * Master keys that live in a PKCS#11 token (an HSM, or SoftHSM in tests). Each version is an
 * AES-256 token object labelled {@code certdesk-mk-<version>}, generated inside the token as
 * sensitive and non-extractable: wrapping and unwrapping happen in the token, the key never leaves it.
 */
public final class Pkcs11Keyring implements MasterKeyring {

    static final String LABEL_PREFIX = "certdesk-mk-";

    private final Provider provider;
    private final KeyStore token;
    private final TreeSet<Integer> versions = new TreeSet<>();
    /** Set by {@link #destroy()}: after a seal this keyring neither wraps, unwraps nor creates anything. */
    private volatile boolean destroyed;

    private Pkcs11Keyring(Provider provider, KeyStore token) {
        this.provider = provider;
        this.token = token;
    }

    /** Logs in to the token in {@code slot} of the PKCS#11 {@code library} and finds the master keys in it. */
    public static Pkcs11Keyring open(String library, long slot, char[] pin) {
        String config = "--name=certdesk-vault\nlibrary=" + library + "\nslot=" + slot + "\n"
                + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n";
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config);
            KeyStore token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, pin);
            Pkcs11Keyring ring = new Pkcs11Keyring(provider, token);
            for (String alias : Collections.list(token.aliases())) {
                if (alias.startsWith(LABEL_PREFIX) && token.isKeyEntry(alias)) {
                    ring.versions.add(Integer.parseInt(alias.substring(LABEL_PREFIX.length())));
                }
            }
            return ring;
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("The PKCS#11 token could not be opened: " + rootMessage(e), e);
        }
    }

    @Override
    public synchronized int currentVersion() {
        if (versions.isEmpty()) {
            throw new IllegalStateException("no master key in the token");
        }
        return versions.last();
    }

    @Override
    public synchronized SortedSet<Integer> versions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(versions));
    }

    @Override
    public byte[] wrap(int version, byte[] dataKey, byte[] aad) {
        return Aead.encrypt(key(version), provider, dataKey, aad);
    }

    @Override
    public byte[] unwrap(int version, byte[] wrapped, byte[] aad) {
        return Aead.decrypt(key(version), provider, wrapped, aad);
    }

    @Override
    public synchronized byte[] create(int version) {
        if (destroyed) {
            throw Sealed.now();
        }
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            SecretKey sessionKey = generator.generateKey();
            // storing under a label copies the key into a persistent token object (replacing one
            // left behind by a rotation whose transaction did not commit)
            token.setEntry(LABEL_PREFIX + version, new KeyStore.SecretKeyEntry(sessionKey), null);
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token could not create master key " + version, e);
        }
    }

    @Override
    public synchronized void load(int version, byte[] wrapped) {
        key(version);
        versions.add(version);
    }

    @Override
    public synchronized void retire(int version) {
        try {
            token.deleteEntry(LABEL_PREFIX + version);
            versions.remove(version);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token could not delete master key " + version, e);
        }
    }

    @Override
    public synchronized void destroy() {
        destroyed = true;
        versions.clear();
        try {
            if (provider instanceof java.security.AuthProvider auth) {
                auth.logout();
            }
        } catch (javax.security.auth.login.LoginException ignored) {
            // the session ends with the provider anyway
        }
    }

    /** True when the token refuses to reveal the key's bytes (sensitive, non-extractable). */
    public boolean keyMaterialStaysInToken(int version) {
        return key(version).getEncoded() == null;
    }

    private SecretKey key(int version) {
        if (destroyed) {
            throw Sealed.now();
        }
        try {
            Key key = token.getKey(LABEL_PREFIX + version, null);
            if (key instanceof SecretKey secret) {
                return secret;
            }
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("master key version " + version + " cannot be read from the token", e);
        }
        throw new IntegrityException("master key version " + version + " is not in the token", null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

}
