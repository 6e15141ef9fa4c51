package io.certdesk.binding.platform;

import io.smallrye.mutiny.Uni;

/**
 * Told about each refusal of an authenticated caller (403) before the answer is sent. A service that must keep
 * such refusals (keystore-service's audit trail) provides a bean; the others have none.
 */
public interface RefusalListener {

    Uni<Void> refused(String path, String reason);
}
