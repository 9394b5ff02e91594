package io.ziiklb.console;

import io.ziiklb.sync.Problem;
import java.util.Set;

/**
 * A problem as the integration page explains it: what happened (the engine's own message, which
 * names the object and, for a blocked delete, the users who keep the department) and what to do,
 * in words, by its code ({@code problem.<code>.todo} in the message bundles; codes the pages do
 * not know get the general advice).
 */
record ProblemAdvice(String kind, long ziikId, String code, String message, String adviceKey) {
    private static final Set<String> EXPLAINED = Set.of("name_conflict", "invalid_name", "missing_email",
            "language_unsupported", "delete_blocked", "missing", "internal_error", "validation_failed", "duplicate_email",
            "duplicate_external_id", "server_error", "io_error", "rate_limited");

    static ProblemAdvice of(Problem p) {
        String key = "problem." + (EXPLAINED.contains(p.code()) ? p.code() : "other") + ".todo";
        return new ProblemAdvice(p.kind().wireName(), p.ziikId(), p.code(), p.message(), key);
    }
}
