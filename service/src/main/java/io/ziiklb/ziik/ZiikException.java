package io.ziiklb.ziik;

/**
 * Ziik did not give what was asked. The subclass says why, and whether trying again later can help.
 */
public abstract sealed class ZiikException extends RuntimeException
        permits ZiikAuthenticationException, ZiikForbiddenException, ZiikNotFoundException,
                ZiikRateLimitedException, ZiikRejectedException, ZiikUnavailableException {

    ZiikException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same call may succeed later without anything being changed. */
    public abstract boolean transientFailure();
}
