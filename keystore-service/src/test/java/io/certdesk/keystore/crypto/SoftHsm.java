package io.certdesk.keystore.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.certdesk.keystore.platform.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Real SoftHSM2 tokens for tests, in target/softhsm. Surefire points SOFTHSM2_CONF at the config
 * written here, so the library never touches the machine's own tokens. SoftHSM reads its token
 * directory once per process, so every token the tests use is created together, before any use.
 */
public final class SoftHsm {

    public static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    public static final String PIN = "4321";
    private static final String[] TOKENS = {"keyring", "vault"};
    /** Shared through a system property: Quarkus test profiles load this class again in other class loaders. */
    private static final String SLOTS_PROPERTY = "certdesk.test.softhsm.slots";

    private SoftHsm() {
    }

    /** The slot of the named test token ("keyring" or "vault"), each used by one test class. */
    public static long slot(String token) {
        synchronized (System.class) {
            if (System.getProperty(SLOTS_PROPERTY) == null) {
                StringBuilder encoded = new StringBuilder();
                createTokens().forEach((label, slot) -> encoded.append(label).append('=').append(slot).append(','));
                System.setProperty(SLOTS_PROPERTY, encoded.toString());
            }
        }
        for (String pair : System.getProperty(SLOTS_PROPERTY).split(",")) {
            String[] kv = pair.split("=");
            if (kv[0].equals(token)) {
                return Long.parseLong(kv[1]);
            }
        }
        throw new IllegalArgumentException("no test token " + token);
    }

    private static Map<String, Long> createTokens() {
        Tools.requireTool("softhsm2-util", "softhsm2");
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            fail("SOFTHSM2_CONF is not set; run the tests through Maven (surefire sets it)");
        }
        try {
            Path confFile = Path.of(conf);
            Path tokens = confFile.getParent().resolve("tokens");
            if (Files.exists(tokens)) {
                try (Stream<Path> old = Files.walk(tokens)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(tokens);
            Files.writeString(confFile, "directories.tokendir = " + tokens.toAbsolutePath()
                    + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> created = new HashMap<>();
        for (String label : TOKENS) {
            Tools.Result r = Tools.run("softhsm2", null, "softhsm2-util", "--init-token", "--free",
                    "--label", "certdesk-" + label, "--pin", PIN, "--so-pin", "87654321");
            assertEquals(0, r.exitCode(), r.output());
            Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(r.output());
            if (!m.find()) {
                fail("softhsm2-util did not report the token's slot:\n" + r.output());
            }
            created.put(label, Long.parseLong(m.group(1)));
        }
        return created;
    }
}
