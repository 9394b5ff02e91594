package io.ziiklb.audit;

import java.time.Instant;

/**
 * One thing done (or refused) to one object.
 *
 * @param id        increasing; the {@code before} cursor of the activity API
 * @param kind      {@code department}, {@code permissionType} or {@code user}
 * @param action    {@code create}, {@code update}, {@code delete}, {@code deactivate}, {@code link}, ...
 * @param outcome   {@code created}, {@code updated}, ..., {@code failed}, {@code held}
 */
public record ActivityEntry(long id, Instant at, String kind, Long ziikId, String learningbankId, String action,
                            String outcome, String message) {
}
