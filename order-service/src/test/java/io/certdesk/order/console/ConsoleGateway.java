package io.certdesk.order.console;

import io.certdesk.order.peers.Peer;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local stack's gateway (deploy/local/Gateway.java, routed by deploy/kubernetes/base/gateway.yaml) in front of
 * the order-service under test and its peer processes, so the console in the browser calls all three services on
 * one origin, as behind the Kubernetes Gateway. One per test JVM, started on first use.
 */
final class ConsoleGateway {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static Process process;
    private static int port;

    private ConsoleGateway() {
    }

    /** The console's URL on the gateway in front of {@code orderService} (the URL the test resource injected). */
    static synchronized String console(URL orderService) throws Exception {
        if (process == null || !process.isAlive()) {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = Files.createDirectories(Peer.ROOT).resolve("gateway.log");
            process = new ProcessBuilder(List.of(java, REPOSITORY.resolve("deploy/local/Gateway.java").toString(),
                    Integer.toString(port), REPOSITORY.resolve("deploy/kubernetes/base/gateway.yaml").toString(),
                    "order-service=" + orderService.getProtocol() + "://" + orderService.getHost() + ":" + orderService.getPort(),
                    "keystore-service=" + Peer.KEYSTORE.url(), "binding-service=" + Peer.BINDING.url()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            awaitListening(log);
        }
        return "http://localhost:" + port + "/console/";
    }

    private static void awaitListening(Path log) throws Exception {
        for (int i = 0; i < 150; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway stopped: " + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + port + "/console/").toURL()
                        .openConnection();
                c.setConnectTimeout(300);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // compiling and starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the gateway did not start in 30 s: " + Files.readString(log));
    }
}
