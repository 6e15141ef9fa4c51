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
            if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                checkOnlyTheServiceReads(path, what);
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

    /**
     * Nobody but the service may read the file. Two shapes pass: the service's own file that only it may read (chmod
     * 600 or 400), and a file root owns that only its group may read besides root, when the service holds that group
     * (a Kubernetes Secret mounted with defaultMode 0400: the kubelet gives it to root and the pod's fsGroup,
     * r--r-----, and the process holds the fsGroup as a supplementary group). Anything executable, group-writable or open to others is refused.
     */
    static void checkOnlyTheServiceReads(Path path, String what) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
        String mode = PosixFilePermissions.toString(perms);
        int owner = (Integer) Files.getAttribute(path, "unix:uid");
        int group = (Integer) Files.getAttribute(path, "unix:gid");
        Identity self = Identity.current();
        boolean own = owner == self.uid() && (mode.equals("rw-------") || mode.equals("r--------"));
        // the kubelet gives the file the pod's fsGroup, which the process holds as its group or a supplementary one
        boolean ourGroup = group == self.gid() || self.groups().contains((long) group);
        boolean mounted = owner == 0 && ourGroup && (mode.equals("r--r-----") || mode.equals("rw-r-----"));
        if (own || mounted) {
            return;
        }
        if (owner != self.uid() && owner != 0) {
            throw new IllegalStateException("The " + what + " file " + path + " belongs to " + Files.getOwner(path).getName()
                    + ", not to uid " + self.uid() + " who runs this service (chown it)");
        }
        throw new IllegalStateException("The " + what + " file " + path + " has mode " + mode + " and group " + group
                + "; only this service may read it (chmod 600 or 400; a Kubernetes Secret: defaultMode 0400 and the "
                + "pod's fsGroup " + self.gid() + ")");
    }

    /**
     * This process's effective uid and gid and its supplementary groups. From /proc/self/status on Linux, read once: a
     * container's user often has no passwd entry (an arbitrary uid), where the JDK's UnixSystem answers 0 for both;
     * elsewhere UnixSystem's answer and no supplementary group.
     */
    record Identity(long uid, long gid, Set<Long> groups) {

        static Identity current() throws IOException {
            Path status = Path.of("/proc/self/status");
            if (Files.isReadable(status)) {
                long uid = -1;
                long gid = -1;
                Set<Long> groups = new java.util.HashSet<>();
                for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                    if (line.startsWith("Uid:")) {
                        uid = Long.parseLong(line.split("\\s+")[2]);
                    } else if (line.startsWith("Gid:")) {
                        gid = Long.parseLong(line.split("\\s+")[2]);
                    } else if (line.startsWith("Groups:")) {
                        for (String g : line.substring("Groups:".length()).trim().split("\\s+")) {
                            if (!g.isEmpty()) {
                                groups.add(Long.parseLong(g));
                            }
                        }
                    }
                }
                if (uid >= 0 && gid >= 0) {
                    return new Identity(uid, gid, groups);
                }
            }
            com.sun.security.auth.module.UnixSystem system = new com.sun.security.auth.module.UnixSystem();
            return new Identity(system.getUid(), system.getGid(), Set.of());
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
