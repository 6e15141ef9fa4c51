package io.certdesk.keystore.key;

import io.certdesk.keystore.platform.KeyId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The passphrase protecting the customer's copy of a key; each reveal is audited. */
@Schema(name = "Passphrase")
public record PassphraseView(KeyId keyId, @Schema(description = "Groups of four characters without look-alikes") String passphrase) {
}
