package io.certdesk.keystore.crypto;

import io.certdesk.keystore.platform.DomainException;
import io.certdesk.keystore.platform.ProblemType;

/** The keyring an operation held was destroyed by a seal meanwhile: the operation fails as if the vault was sealed. */
final class Sealed {

    private Sealed() {
    }

    static DomainException now() {
        return new DomainException(ProblemType.UNAVAILABLE,
                "The vault was sealed while this ran; nothing was written with its keys. Unseal it (POST /sys/unseal) and retry");
    }
}
