package io.ziiklb.ziik;

/** The integration account may not do this (403): it must be a Ziik administrator. */
public final class ZiikForbiddenException extends ZiikException {
    ZiikForbiddenException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
