package io.certdesk.keystore.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.certdesk.keystore.key.KeyResourceTest;
import io.certdesk.keystore.platform.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

/** The newest checkpoint is found at the end of a long file, and behind lines that do not verify. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CheckpointFileTest {

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    AuditConfig config;

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void theNewestValidCheckpointIsReadFromTheEndOrFromTheWholeFile() throws Throwable {
        Path file = config.checkpointFile().orElseThrow();
        KeyResourceTest.generate("C-1", "EC_P256");
        // a long history of lines before the newest checkpoint: the newest is read from the file's tail
        append(file, "{\"seq\":1,\"hash\":\"x\",\"at\":\"2026-01-01T00:00:00Z\",\"mac\":\"forged\"}\n".repeat(2000));
        AuditCheckpoint written = VertxContextSupport.subscribeAndAwait(() -> checkpoints.write());
        assertEquals(written, VertxContextSupport.subscribeAndAwait(() -> checkpoints.newest()));
        // more than the tail's worth of lines that do not verify after it: the whole file is read and it is still found
        append(file, "not a checkpoint\n".repeat(5000));
        assertEquals(written, VertxContextSupport.subscribeAndAwait(() -> checkpoints.newest()));
    }
}
