package io.certdesk.keystore.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.keystore.delivery.DeployMaterial;
import io.certdesk.keystore.key.PassphraseView;
import io.certdesk.keystore.platform.KeyId;
import io.certdesk.keystore.vault.InitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets stay where they belong: key files only the service can read, and no secret in a record's toString. */
class SecretHandlingTest {

    @Test
    void aKeyFileMustBeTheServicesAloneAndOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vault.key");
        byte[] created = SecretFiles.loadOrCreate(file, true, "vault key");
        assertTrue(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).equals("rw-------"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertArrayEquals(created, SecretFiles.loadOrCreate(file, false, "vault key"));
        for (String mode : List.of("rw----r--", "rwx------", "r---w----", "rw-rw----", "r--r--r--", "r-xr-----")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> SecretFiles.loadOrCreate(file, false, "vault key"), mode);
            assertTrue(refused.getMessage().contains("chmod 600 or 400"), refused.getMessage());
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        if ("root".equals(System.getProperty("user.name"))) {
            // a Kubernetes Secret (defaultMode 0400, fsGroup): root's file that the service's group alone may read;
            // another group may not
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
            assertArrayEquals(created, SecretFiles.loadOrCreate(file, false, "vault key"));
            Files.setAttribute(file, "posix:group",
                    file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("nogroup"));
            assertThrows(IllegalStateException.class, () -> SecretFiles.loadOrCreate(file, false, "vault key"));
            Files.setAttribute(file, "posix:group",
                    file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("root"));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            UserPrincipal nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(file, nobody);
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> SecretFiles.loadOrCreate(file, false, "vault key"));
            assertTrue(refused.getMessage().contains("belongs to nobody"), refused.getMessage());
        }
    }

    @Test
    void noSecretInARecordsText() {
        String secret = "ABCD-EFGH-JKLM-NPQR-TUWX-Yabd";
        assertFalse(new PassphraseView(KeyId.of(UUID.randomUUID()), secret).toString().contains(secret));
        assertFalse(new InitResult(3, 2, List.of(secret, secret, secret)).toString().contains(secret));
        assertFalse(new DeployMaterial.File("passphrase", "0600", secret).toString().contains(secret));
        assertFalse(new io.certdesk.keystore.vault.SysResource.UnsealRequest(secret).toString().contains(secret));
    }
}
