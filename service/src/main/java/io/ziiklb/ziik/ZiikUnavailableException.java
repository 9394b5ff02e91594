package io.ziiklb.ziik;

/** Ziik did not answer usefully: 5xx, a dropped connection, a timeout or an unreadable body. */
public final class ZiikUnavailableException extends ZiikException {
    ZiikUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
