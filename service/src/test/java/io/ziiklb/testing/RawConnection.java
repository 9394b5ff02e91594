package io.ziiklb.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for what {@link java.net.http.HttpClient} will not do: send a
 * request's head and then as much (or as little) of its body as a test likes, while reading the
 * answer, so that a test can see the server answer before a body it has not sent.
 */
public final class RawConnection implements AutoCloseable {
    /** An answer: status, headers (names in lower case) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private final Socket socket;
    private final AtomicLong bodyBytesSent = new AtomicLong();

    private RawConnection(Socket socket) {
        this.socket = socket;
    }

    /** Connects to the loopback address on {@code port}; reads give up after {@code readTimeout}. */
    public static RawConnection connect(int port, Duration readTimeout) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) readTimeout.toMillis());
        return new RawConnection(socket);
    }

    /** Sends the request line and headers (a {@code Host} is added), and nothing of the body. */
    public void sendHead(String method, String target, Map<String, String> headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends part of a body as it is (for a body with a Content-Length). */
    public void sendBody(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        bodyBytesSent.addAndGet(bytes.length);
    }

    /** Sends one chunk of a chunked body; an empty one ends it. */
    public void sendChunk(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        bodyBytesSent.addAndGet(bytes.length);
    }

    /** How many bytes of body have been written to the socket so far. */
    public long bodyBytesSent() {
        return bodyBytesSent.get();
    }

    /**
     * Keeps sending chunks of {@code chunk} on a thread of its own until the socket breaks or
     * {@code limit} bytes have gone: a body far longer than the server should read.
     */
    public Thread streamChunks(byte[] chunk, long limit) {
        return Thread.ofVirtual().start(() -> {
            try {
                while (bodyBytesSent() < limit && !Thread.currentThread().isInterrupted()) {
                    sendChunk(chunk);
                }
            } catch (IOException closedByServer) {
                // what the test expects
            }
        });
    }

    /** Reads the answer: status line, headers, and a body of the Content-Length given. */
    public Answer readAnswer() throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
    }

    /**
     * Sends body bytes (for a body with a Content-Length) until the server breaks the connection
     * or {@code limit} bytes have gone; returns how many went.
     */
    public long sendBodyUntilRefused(long limit) {
        byte[] block = new byte[64 * 1024];
        try {
            while (bodyBytesSent() < limit) {
                sendBody(block);
            }
        } catch (IOException refused) {
            // the server closed the connection: what the test expects
        }
        return bodyBytesSent();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed before the answer was complete");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
