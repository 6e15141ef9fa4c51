package io.certdesk.keystore.key;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Associated data binding each ciphertext to its key record and field: moved or swapped, it no longer decrypts. */
final class Aad {

    private Aad() {
    }

    static byte[] privateKey(UUID id) {
        return bytes(id, "private-key");
    }

    static byte[] privateKeyDek(UUID id) {
        return bytes(id, "private-key:dek");
    }

    static byte[] passphrase(UUID id) {
        return bytes(id, "passphrase");
    }

    static byte[] passphraseDek(UUID id) {
        return bytes(id, "passphrase:dek");
    }

    private static byte[] bytes(UUID id, String field) {
        return ("certdesk:key:" + id + ":" + field).getBytes(StandardCharsets.UTF_8);
    }
}
