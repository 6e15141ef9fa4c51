package io.certdesk.order.notice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal SMTP server (RFC 5321 commands without extensions) that the real Vert.x mail client talks to, so
 * delivery failures are real SMTP replies: a recipient can be answered "451 try again" a number of times, or
 * "550" for ever.
 */
public final class FakeSmtpServer implements AutoCloseable {

    /** One accepted message: its envelope recipients and its raw content. */
    public record Received(List<String> recipients, String data) {
    }

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-smtp");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Integer> transientFailures = new ConcurrentHashMap<>();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public FakeSmtpServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("The fake SMTP server could not listen", e);
        }
        connections.execute(this::accept);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The next {@code times} deliveries to {@code recipient} are answered with a temporary failure (451). */
    public void failTemporarily(String recipient, int times) {
        transientFailures.put(recipient.toLowerCase(Locale.ROOT), times);
    }

    /** Every delivery to {@code recipient} is refused (550). */
    public void reject(String recipient) {
        rejected.add(recipient.toLowerCase(Locale.ROOT));
    }

    public List<Received> receivedBy(String recipient) {
        return received.stream().filter(r -> r.recipients().contains(recipient.toLowerCase(Locale.ROOT))).toList();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 fake-smtp ready");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 fake-smtp");
                } else if (command.startsWith("MAIL FROM:") || command.startsWith("RSET")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
                    reply(out, answerRecipient(address, recipients));
                } else if (command.equals("DATA")) {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        data.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
                    }
                    received.add(new Received(List.copyOf(recipients), data.toString()));
                    recipients.clear();
                    reply(out, "250 OK queued");
                } else if (command.equals("NOOP")) {
                    reply(out, "250 OK");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 command not implemented");
                }
            }
        } catch (IOException e) {
            // the client hung up; nothing to serve
        }
    }

    private String answerRecipient(String address, List<String> recipients) {
        if (rejected.contains(address)) {
            return "550 5.1.1 mailbox unavailable";
        }
        Integer failures = transientFailures.computeIfPresent(address, (a, n) -> n > 0 ? n - 1 : null);
        if (failures != null) {
            return "451 4.3.0 try again later";
        }
        recipients.add(address);
        return "250 OK";
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            connections.shutdownNow();
        }
    }
}
