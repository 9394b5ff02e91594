package io.ziiklb.ziik;

/** Ziik rejected the request as invalid (400 or 422). */
public final class ZiikRejectedException extends ZiikException {
    ZiikRejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
