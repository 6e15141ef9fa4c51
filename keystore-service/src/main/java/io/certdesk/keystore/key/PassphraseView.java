package io.certdesk.keystore.key;

import io.certdesk.keystore.platform.KeyId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The passphrase protecting the customer's copy of a key; each reveal is audited. */
@Schema(name = "Passphrase")
public record PassphraseView(KeyId keyId, @Schema(description = "Groups of four characters without look-alikes") String passphrase) {

    /** Never the passphrase itself: records end up in logs and exception messages. */
    @Override
    public String toString() {
        return "PassphraseView[keyId=" + keyId + ", passphrase=(hidden)]";
    }
}
