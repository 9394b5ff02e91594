package io.ziiklb.sync;

/**
 * Something about one object that an admin should know: a name conflict (U6), a delete
 * Learningbank refused (U5), an unsupported language (P7), a refused write (O3).
 *
 * @param code a stable identifier, the wire name of a {@link ProblemCode}: {@code name_conflict},
 *             {@code delete_blocked}, {@code language_unsupported}, {@code missing_email}, or the code
 *             Learningbank gave a refused write; compare with {@link ProblemCode#isCodeOf}
 */
public record Problem(ObjectKind kind, long ziikId, String code, String message) {
}
