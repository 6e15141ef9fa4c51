package io.certdesk.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The commands the contract test runs (kubectl, openssl, mount, the overlay's secret generator). */
final class Commands {

    private Commands() {
    }

    /**
     * Runs {@code command} and answers its standard output. Both outputs go to files, so a full pipe never stalls the
     * command and the time limit holds; the test fails when the command outlives {@code limit} (it is killed) or
     * exits with anything but 0, with what it wrote to standard error.
     */
    static String run(Duration limit, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("command-", ".out");
        Path err = Files.createTempFile("command-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + limit.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8) + Files.readString(out, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String run(Duration limit, List<String> command) throws IOException, InterruptedException {
        return run(limit, command.toArray(String[]::new));
    }

    /** Whether {@code tool} is an executable on this process's PATH. */
    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
