package io.certdesk.keystore.vault;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether key material is available in memory. The vault starts sealed; only unsealing (or
 * auto-unseal) opens it, and sealing wipes the material again.
 */
@ApplicationScoped
public class SealState {

    private volatile boolean sealed = true;

    public boolean sealed() {
        return sealed;
    }
}
