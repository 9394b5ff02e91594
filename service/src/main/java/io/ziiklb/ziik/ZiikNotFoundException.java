package io.ziiklb.ziik;

/** The object does not exist (404), or existed and is gone (410, e.g. an anonymised user). */
public final class ZiikNotFoundException extends ZiikException {
    private final boolean gone;

    ZiikNotFoundException(String message, boolean gone) {
        super(message, null);
        this.gone = gone;
    }

    public boolean gone() {
        return gone;
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
