package io.certdesk.keystore.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.certdesk.keystore.platform.Offload;
import io.certdesk.keystore.platform.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Signed checkpoints of the audit chain, written where the database cannot reach: where the chain stood (newest
 * sequence number and hash, and when), MACed under the audit key, appended as a JSON line to
 * {@code certdesk.audit.checkpoint-file} and logged for a SIEM. Someone who cuts entries off the chain's end and puts
 * an old head row back cannot undo a checkpoint, and /audit/verify holds the chain against the newest one.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditRepository entries;
    private final Instance<AuditLog> log;
    private final Optional<Path> file;

    public AuditCheckpoints(AuditRepository entries, Instance<AuditLog> log, AuditConfig config) {
        this.entries = entries;
        this.log = log;
        this.file = config.checkpointFile();
    }

    @Scheduled(every = "${certdesk.audit.checkpoint-every:5M}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return write().onFailure().invoke(e -> Log.errorf(e, "The audit checkpoint could not be written"))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Writes a checkpoint of the chain as it stands, unless the newest one already records this head. */
    @WithSession
    public Uni<AuditCheckpoint> write() {
        // the file is read and appended to (with SYNC) on a worker thread, never on the event loop
        return entries.head().flatMap(head -> Offload.cpu(() -> {
            AuditCheckpoint newest = latest();
            if (newest != null && (newest.seq() > head.lastSeq
                    || newest.seq() == head.lastSeq && newest.hash().equals(head.lastHash))) {
                // recorded already, or beyond this head: a replica that read an older head never appends it after
                // a newer checkpoint (and a chain cut off below its checkpoint is what verification reports)
                return newest;
            }
            Instant at = Times.now();
            AuditCheckpoint checkpoint = new AuditCheckpoint(head.lastSeq, head.lastHash, at,
                    log.get().checkpointMac(head.lastSeq, head.lastHash, at));
            String line = JSON.createObjectNode().put("seq", checkpoint.seq()).put("hash", checkpoint.hash())
                    .put("at", at.toString()).put("mac", checkpoint.mac()).toString();
            Log.infof("audit checkpoint %s", line);
            file.ifPresent(f -> append(f, line));
            return checkpoint;
        }));
    }

    /** {@link #latest()} read on a worker thread. */
    public Uni<AuditCheckpoint> newest() {
        return Offload.cpu(this::latest);
    }

    /**
     * The newest checkpoint in the file whose MAC holds (a line that does not verify is ignored and reported), or
     * null when no file is configured or nothing was written yet.
     */
    public AuditCheckpoint latest() {
        if (file.isEmpty() || !Files.exists(file.get())) {
            return null;
        }
        List<String> lines;
        try {
            // the newest checkpoint is at the end: read the tail, and the whole file only when no line there verifies
            lines = tail(file.get());
            if (lines == null) {
                lines = Files.readAllLines(file.get(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The audit checkpoint file " + file.get() + " cannot be read", e);
        }
        // the highest checkpoint, not merely the last line: replicas sharing the file may append out of order
        AuditCheckpoint newest = null;
        for (int i = lines.size() - 1; i >= 0; i--) {
            AuditCheckpoint parsed = parse(lines.get(i));
            if (parsed != null && (newest == null || parsed.seq() > newest.seq())) {
                newest = parsed;
            }
            if (parsed == null && !lines.get(i).isBlank()) {
                Log.errorf("Audit checkpoint line %d of %s does not verify; it is ignored", i + 1, file.get());
            }
        }
        return newest;
    }

    /** Bytes read from the end of the file; a checkpoint line is about 250. */
    private static final int TAIL = 64 * 1024;

    /**
     * The whole lines in the last {@value #TAIL} bytes when one of them verifies (as {@link #latest()} reads them),
     * or null when the file is longer and none there does, so the caller reads it all.
     */
    private List<String> tail(Path f) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(f, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= TAIL) {
                return Files.readAllLines(f, StandardCharsets.UTF_8);
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(TAIL);
            channel.read(buffer, size - TAIL);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            List<String> lines = List.of(text.substring(text.indexOf('\n') + 1).split("\n"));
            return lines.stream().anyMatch(l -> parse(l) != null) ? lines : null;
        }
    }

    private AuditCheckpoint parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            long seq = node.path("seq").asLong(-1);
            String hash = node.path("hash").asText(null);
            Instant at = Instant.parse(node.path("at").asText());
            String mac = node.path("mac").asText(null);
            if (seq < 0 || hash == null || mac == null || !MessageDigest.isEqual(
                    log.get().checkpointMac(seq, hash, at).getBytes(StandardCharsets.US_ASCII),
                    mac.getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
            return new AuditCheckpoint(seq, hash, at, mac);
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static void append(Path f, String line) {
        try {
            if (f.getParent() != null) {
                Files.createDirectories(f.getParent());
            }
            Files.writeString(f, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("The audit checkpoint file " + f + " cannot be written", e);
        }
    }
}
