package io.ziiklb.ziik;

/** Ziik refused the credentials, also after signing in again (401). */
public final class ZiikAuthenticationException extends ZiikException {
    ZiikAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
