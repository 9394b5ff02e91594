package io.ziiklb;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly what is missing when start-up fails for want of {@code ZIIKLB_*} configuration. */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<IllegalArgumentException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IllegalArgumentException cause) {
        if (cause.getMessage() == null || !cause.getMessage().startsWith("ZIIKLB_")) {
            return null;
        }
        return new FailureAnalysis(cause.getMessage(),
                "Set it in the environment, e.g. ZIIKLB_SECRET_KEY=$(head -c 32 /dev/urandom | base64), and keep the"
                        + " same key for as long as the stored credentials must open.", cause);
    }
}
