package io.ziiklb.sso;

import io.ziiklb.integration.Integration;
import io.ziiklb.jobs.LiveSync;
import io.ziiklb.sync.LinkStore;
import java.time.Duration;
import java.util.Optional;

/**
 * A person launching who is not in Learningbank yet is synchronised on the spot, once: the same
 * one-user reconcile a webhook delivery would queue, worked by whichever instance's worker claims
 * it (so it never races another reconcile of that user), waited for here a few seconds.
 */
final class OnTheSpot {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);

    private final LiveSync live;

    OnTheSpot(LiveSync live) {
        this.live = live;
    }

    /** The Learningbank user linked to the Ziik user once the reconcile has run; empty when it made none. */
    Optional<String> provision(Integration integration, LinkStore links, long ziikUserId) throws InterruptedException {
        if (!live.hint(integration, "user", ziikUserId)) {
            return Optional.empty(); // never synchronised: nothing is created before the admin's first synchronisation
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> linked = links.user(ziikUserId);
            if (linked.isPresent()) {
                return linked;
            }
            Thread.sleep(POLL);
        }
        return Optional.empty();
    }
}
