/**
 * Learningbank: the client for {@code specs/learningbank-api.md}, the only code that knows its
 * wire format. Every call of the contract that a sync may make (there is deliberately no way to
 * delete a user: learning history lives on the user), error codes mapped to the typed
 * {@link io.ziiklb.learningbank.LearningbankException} family, bounded timeouts, and no retries:
 * retrying is the engine's decision.
 */
package io.ziiklb.learningbank;
