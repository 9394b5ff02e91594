package io.ziiklb.ziik;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the sync engine ({@code io.ziiklb.sync}) reads of Ziik, and nothing more: the engine never
 * writes to Ziik. {@link ZiikClient} is the real one; tests use an in-memory one.
 *
 * <p>It lives here, beside the records it returns, rather than in {@code sync} beside its user:
 * {@code sync} imports those records, so an interface in {@code sync} that {@code ZiikClient}
 * implements would make {@code ziik} import {@code sync} as well, a cycle.
 */
public interface ZiikReads {

    /** Every unit, the top unit included, each once. */
    List<ZiikUnit> units();

    /** Every role of the organisation. */
    List<ZiikRole> roles();

    List<ZiikUserSummary> activeUsers();

    /** Deactivated users that are not yet anonymised. */
    List<ZiikUserSummary> inactiveUsers();

    /**
     * Every user, active or not (not anonymised), page by page as Ziik gives them, so that a reader
     * can start on the first page while the next ones are read. A list read again after a failure
     * hands its first pages again.
     */
    default void allUsers(Consumer<List<ZiikUserSummary>> page) {
        page.accept(activeUsers());
        page.accept(inactiveUsers());
    }

    /** The user, or empty when Ziik says it does not exist or is gone (deleted or anonymised). */
    Optional<ZiikUser> user(long id);

    /**
     * The user's memberships in Ziik's order; the first one decides roles and job profile.
     *
     * @throws ZiikNotFoundException when the user is gone meanwhile
     */
    List<ZiikMembership> memberships(long userId);
}
