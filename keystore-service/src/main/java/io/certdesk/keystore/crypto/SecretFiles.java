package io.certdesk.keystore.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

/** 256-bit keys kept in files (or mounted Kubernetes Secrets) as base64 text. */
public final class SecretFiles {

    private SecretFiles() {
    }

    /**
     * Reads the key in {@code path}; when it is missing and {@code create} is set, writes a new random
     * key there first, readable and writable by the owner only (0600).
     */
    public static byte[] loadOrCreate(Path path, boolean create, String what) {
        try {
            if (!Files.exists(path)) {
                if (!create) {
                    throw new IllegalStateException("The " + what + " file " + path + " does not exist");
                }
                createKeyFile(path);
            }
            if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
                if (!perms.equals(PosixFilePermissions.fromString("rw-------"))
                        && !perms.equals(PosixFilePermissions.fromString("r--------"))) {
                    throw new IllegalStateException("The " + what + " file " + path + " has mode "
                            + PosixFilePermissions.toString(perms) + "; only its owner may read it (chmod 600 or 400)");
                }
                String owner = Files.getOwner(path).getName();
                String self = System.getProperty("user.name");
                if (!owner.equals(self)) {
                    throw new IllegalStateException("The " + what + " file " + path + " belongs to " + owner
                            + ", not to " + self + " who runs this service (chown it)");
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).strip());
            if (key.length != Aead.KEY_BYTES) {
                throw new IllegalStateException("The " + what + " file " + path + " must hold 32 bytes in base64");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("The " + what + " file " + path + " cannot be read", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The " + what + " file " + path + " is not base64", e);
        }
    }

    private static void createKeyFile(Path path) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        byte[] key = Aead.newKey();
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(path, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
        java.util.Arrays.fill(key, (byte) 0);
    }
}
