package io.ziiklb.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP listener that answers every connection with fixed bytes (another service's banner,
 * a redirect, an error) and remembers what it was sent: the stand-in for whatever an attacker
 * could point an integration at on the service's own network.
 */
final class RawListener implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] reply;
    private final boolean readFirst;
    private final AtomicInteger connections = new AtomicInteger();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    /** @param readFirst read the request before replying (an HTTP-like peer), or greet at once (a banner) */
    private RawListener(byte[] reply, boolean readFirst) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.reply = reply;
        this.readFirst = readFirst;
        Thread.ofVirtual().start(this::serve);
    }

    static RawListener banner(String banner) throws IOException {
        return new RawListener(banner.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    static RawListener answering(String reply) throws IOException {
        return new RawListener(reply.getBytes(StandardCharsets.ISO_8859_1), true);
    }

    int port() {
        return server.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    int connections() {
        return connections.get();
    }

    String received() {
        synchronized (received) {
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                connections.incrementAndGet();
                socket.setSoTimeout(300);
                if (readFirst) {
                    readSome(socket.getInputStream());
                }
                socket.getOutputStream().write(reply);
                socket.getOutputStream().flush();
                if (!readFirst) {
                    readSome(socket.getInputStream());
                }
            } catch (IOException closedOrDropped) {
                // the next connection, or the end
            }
        }
    }

    private void readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (received) {
                    received.write(buffer, 0, n);
                }
                if (in.available() == 0) {
                    return;
                }
            }
        } catch (SocketTimeoutException quiet) {
            // sent all it had
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
