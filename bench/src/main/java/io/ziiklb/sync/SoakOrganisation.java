package io.ziiklb.sync;

import io.ziiklb.simulator.learningbank.LearningbankState;
import io.ziiklb.simulator.ziik.OrganisationView;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The soak's window on two package-private helpers of the service's convergence tests (from the
 * service's test jar): {@link RandomOrganisation}, which makes the organisation and its random
 * changes, and {@link SyncOracle}, which says from the sync rules alone what Learningbank must hold.
 * The soak judges its end state by the same oracle as {@code ConvergenceIT} and {@code CrashIT}.
 */
public final class SoakOrganisation {
    /** The owner's email, which the integration's settings exclude (rule P8). */
    public static final String EXCLUDED = RandomOrganisation.EXCLUDED;

    private final ZiikOrganisation ziik;
    private final RandomOrganisation random;

    /** Unique unit names (the integration runs with "unique units" on) and none of the deletion-guard cases. */
    public SoakOrganisation(ZiikOrganisation ziik, long seed) {
        this.ziik = ziik;
        this.random = new RandomOrganisation(ziik, seed, RandomOrganisation.Options.plain(true));
    }

    /** Builds the random organisation in Ziik, and what Learningbank holds beside it before any synchronisation. */
    public void build(LearningbankState learningbank) {
        random.build(learningbank);
    }

    /** One random change of any kind (users, memberships, units, roles); Ziik may refuse it, which is counted. */
    public void changeOnce() {
        random.change(1);
    }

    /** Changes Ziik refused (each left Ziik as it was). */
    public int refused() {
        return random.counts().refused();
    }

    /** Call after a full synchronisation: the users it saw exist in Learningbank. */
    public void synchronised() {
        random.synchronised();
    }

    /** The settings the soak gives its integration, as the oracle needs them. */
    public static SyncSettings settings() {
        return SyncSettings.defaults().withUniqueUnits(true).withExcludedEmails(Set.of(EXCLUDED));
    }

    /**
     * Every difference between Learningbank (and the links) and what the rules ask for, each naming
     * its rule; empty when the integration has converged.
     *
     * @param original Learningbank before the first synchronisation
     * @param previous Learningbank before the synchronisation being judged (live reconciles may
     *                 have applied states in between: the oracle allows for them)
     * @param recorded the problems the integration recorded (U6, P7 warnings)
     */
    public List<String> differences(LearningbankState.Snapshot original, LearningbankState.Snapshot previous,
                                    LearningbankState.Snapshot after, Links links, Collection<Problem> recorded) {
        OrganisationView view = ziik.view();
        return new SyncOracle(view, original, previous, after, settings()).links(links).recorded(recorded)
                .firstContact(random.firstContact()).roleNames(random.roleNames()).live(true).problems();
    }
}
