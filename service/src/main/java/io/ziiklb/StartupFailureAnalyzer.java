package io.ziiklb;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Claims the start-up failures {@link StartupFailure} has a sentence for, so that Spring Boot does
 * not log them as "Application run failed" with a stack trace: {@link ZiiklbApplication#main}
 * prints the sentence instead (Boot's own report of the analysis is turned off in
 * application.properties, so it is said once).
 */
class StartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return StartupFailure.known(failure)
                ? new FailureAnalysis(StartupFailure.sentence(failure, null), "See the sentence above.", failure)
                : null;
    }
}
