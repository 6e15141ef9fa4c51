package io.certdesk.order.peers;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** deploy/agent/certdesk-agent run as an operator's cron job would, against the peers and a {@link WebServer}. */
public final class Agent {

    /** The agent's exit code and what it printed. */
    public record Result(int exit, String output) {
    }

    private Agent() {
    }

    static Result run(String serverId, String token, WebServer web, Map<String, String> extra) throws Exception {
        Path script = Path.of("..", "deploy", "agent", "certdesk-agent").toAbsolutePath().normalize();
        Path state = Files.createDirectories(Peer.ROOT.resolve("agent-" + serverId));
        Path tokenFile = state.resolve("token");
        Files.writeString(tokenFile, token + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("CERTDESK_AGENT_ENV", state.resolve("absent.env").toString());
        env.put("CERTDESK_BINDING_URL", Peer.BINDING.url());
        env.put("CERTDESK_KEYSTORE_URL", Peer.KEYSTORE.url());
        env.put("CERTDESK_SERVER_ID", serverId);
        env.put("CERTDESK_TOKEN_FILE", tokenFile.toString());
        env.put("CERTDESK_WEB_SERVER", "nginx");
        env.put("CERTDESK_TLS_ROOT", Peer.TLS_ROOT.toString());
        env.put("CERTDESK_CONFIG_FILE", web.configFile().toString());
        env.put("CERTDESK_TEST_CMD", web.testCommand());
        env.put("CERTDESK_RELOAD_CMD", web.reloadCommand());
        env.put("CERTDESK_STATE_DIR", state.toString());
        env.putAll(extra);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the agent did not finish: " + out);
        }
        return new Result(p.exitValue(), out);
    }

    /** The files the agent writes for each domain, under the TLS root. */
    public static final List<String> FILES = List.of("fullchain.pem", "privkey.pem", "passphrase");
}
