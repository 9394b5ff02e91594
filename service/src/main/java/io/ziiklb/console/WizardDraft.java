package io.ziiklb.console;

import io.ziiklb.integration.Credentials;
import java.io.Serializable;

/**
 * What the wizard's first step found good, kept in the session until the third step creates the
 * integration (then dropped): Learningbank's API base URL and API key.
 */
record WizardDraft(String lbBaseUrl, String lbUsername, String lbPassword, String lbToken) implements Serializable {
    static final String SESSION_KEY = "ziiklb.wizard";

    Credentials.Learningbank learningbank() {
        return new Credentials.Learningbank(lbBaseUrl, lbUsername, lbPassword, lbToken);
    }

    @Override
    public String toString() {
        return "WizardDraft[" + lbBaseUrl + " as " + lbUsername + "]";
    }
}
