package io.ziiklb.http;

/**
 * Nothing usable came back: the connection failed, dropped, or the call timed out. For a write,
 * the peer may or may not have applied it.
 */
public final class PeerIoException extends RuntimeException {
    private final boolean timedOut;

    PeerIoException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
