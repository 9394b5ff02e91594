package io.ziiklb.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies larger than {@link #MAX_BYTES} get 413, decided before the body is read: from
 * {@code Content-Length} when there is one, and otherwise (a chunked body) by a stream that stops
 * at the limit, whose {@link TooLarge} the API's error handling turns into the same 413. Webhook
 * deliveries ({@code /hooks/}) are left to the webhook receiver, which has a limit of its own.
 */
public final class BodyLimit extends HttpFilter {
    static final int MAX_BYTES = 1024 * 1024;
    static final String DESCRIPTION = "1 MiB";

    /** Reading a body went past the limit. An {@code IOException}: a reader gives up where it reads. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("the request body is larger than " + DESCRIPTION, null);
        }
    }

    /** Whether {@code e} or one of its causes is a body read stopped at the limit. */
    public static boolean stoppedReading(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getServletPath().startsWith("/hooks/")) {
            chain.doFilter(request, response);
        } else if (request.getContentLengthLong() > MAX_BYTES) {
            ErrorStatus.write(response, 413);
        } else {
            chain.doFilter(new Bounded(request), response);
        }
    }

    /** The request, whose body reads end in {@link TooLarge} past the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) { // a caller's charset name: a refusal, not a failure
                throw new UnsupportedEncodingException("unknown charset");
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class BoundedStream extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        BoundedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, (int) Math.min(length, MAX_BYTES + 1L - read));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
