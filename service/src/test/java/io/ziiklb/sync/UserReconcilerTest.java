package io.ziiklb.sync;

import static io.ziiklb.sync.InMemoryPeers.TOP;
import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.learningbank.LbUser;
import io.ziiklb.learningbank.LbUserChange;
import io.ziiklb.ziik.ZiikUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one-user reconcile (rule L3 for users) against both peers in memory: what Learningbank holds
 * afterwards, and the links. The end-to-end versions over HTTP are {@code UserRulesIT} and
 * {@code UserReconcilerIT}.
 */
class UserReconcilerTest {
    private final InMemoryPeers p = new InMemoryPeers();

    private UserReconciler.Result reconcile(long ziikUserId) throws InterruptedException {
        return new UserReconciler(p.context()).reconcile(ziikUserId, p.tree(), p.settings, false, p.listener());
    }

    private static ZiikUser ann(String email, boolean active) {
        return new ZiikUser(100, "Ann", "Berg", email, active, "da");
    }

    private LbUser only() {
        assertThat(p.lb.users()).hasSize(1);
        return p.lb.users().getFirst();
    }

    @Test
    void P1_aNewZiikUserIsCreatedWithItsFieldsDepartmentAndTypes_andLinked() throws InterruptedException {
        String kitchen = p.linkedUnit(10, "Kitchen", TOP);
        String chef = p.linkedRole(5, "Chef");
        p.ziik.user(ann("ann@example.com", true)).memberships(100, p.ziik.in(10, 5));

        reconcile(100);

        LbUser made = only();
        assertThat(made).isEqualTo(new LbUser(made.id(), "ziik:100", "ann@example.com", "Ann", "Berg", true, "da",
                List.of(kitchen), List.of(chef), null));
        assertThat(p.links.user(100)).contains(made.id());
    }

    @Test
    void P1_aChangedZiikUserUpdatesItsLinkedUserInPlace() throws InterruptedException {
        p.ziik.user(ann("ann@example.com", true)).memberships(100, p.ziik.in(TOP));
        reconcile(100);
        String id = only().id();

        p.ziik.user(new ZiikUser(100, "Anna", "Lund", "anna@example.com", true, "sv"));
        reconcile(100);

        assertThat(only()).isEqualTo(new LbUser(id, "ziik:100", "anna@example.com", "Anna", "Lund", true, "sv",
                List.of(p.lb.topDepartmentId()), List.of(p.lb.defaultPermissionTypeId()), null));
        assertThat(p.links.user(100)).contains(id);
        assertThat(p.lb.writes()).containsExactly("POST user ann@example.com", "PATCH user anna@example.com");
    }

    @Test
    void P1_aLinkedUserDeletedInLearningbankIsMadeAgainAndRelinked() throws InterruptedException {
        p.ziik.user(ann("ann@example.com", true)).memberships(100, p.ziik.in(TOP));
        reconcile(100);
        String gone = only().id();
        p.lb.deleteUser(gone);

        reconcile(100);

        LbUser again = only();
        assertThat(again.id()).isNotEqualTo(gone);
        assertThat(again.externalId()).isEqualTo("ziik:100");
        assertThat(p.links.user(100)).contains(again.id());
    }

    @Test
    void P2_anUnlinkedUserIsMatchedByEmailCaseInsensitively_andLinked_notMadeTwice() throws InterruptedException {
        String top = p.lb.topDepartmentId();
        String existing = p.lb.seedUser(new LbUserChange(null, "ANN@Example.com", "A", "B", true, "da", List.of(top),
                List.of(), null));
        p.ziik.user(ann("ann@example.com", true)).memberships(100, p.ziik.in(TOP));

        reconcile(100);

        assertThat(only()).as("the same address, in another case, is not rewritten")
                .isEqualTo(new LbUser(existing, "ziik:100", "ANN@Example.com", "Ann", "Berg", true, "da", List.of(top), List.of(), null));
        assertThat(p.links.user(100)).contains(existing);
        assertThat(p.lb.writes()).noneMatch(w -> w.startsWith("POST user"));
    }

    @Test
    void P2_anUnlinkedUserIsMatchedByExternalIdThoughItsEmailDiffers() throws InterruptedException {
        String existing = p.lb.seedUser(new LbUserChange("ziik:100", "old.ann@example.com", "A", "B", true, "da",
                List.of(p.lb.topDepartmentId()), List.of(), null));
        p.ziik.user(ann("ann@example.com", true)).memberships(100, p.ziik.in(TOP));

        UserReconciler.Result result = reconcile(100);

        assertThat(only().id()).isEqualTo(existing);
        assertThat(only().email()).isEqualTo("ann@example.com");
        assertThat(p.links.user(100)).contains(existing);
        // matched before planning: not left to a refused create (409 duplicate_external_id) to find it
        assertThat(result.plan().steps()).extracting(Plan.Step::operation).noneMatch(Operation.CreateUser.class::isInstance);
    }

    @Test
    void P6_aDeactivatedZiikUserIsDeactivated_andReactivatedWithIt() throws InterruptedException {
        p.ziik.user(ann("ann@example.com", true)).memberships(100, p.ziik.in(TOP));
        reconcile(100);

        p.ziik.user(ann("ann@example.com", false));
        reconcile(100);
        assertThat(only().active()).isFalse();

        p.ziik.user(ann("ann@example.com", true));
        reconcile(100);
        assertThat(only().active()).isTrue();
    }

    @Test
    void P6_aZiikUserDeletedIsDeactivatedNeverDeleted_andTheLinkKept() throws InterruptedException {
        p.ziik.user(ann("ann@example.com", true)).memberships(100, p.ziik.in(TOP));
        reconcile(100);
        String id = only().id();

        p.ziik.removeUser(100);
        reconcile(100);

        assertThat(only().id()).isEqualTo(id);
        assertThat(only().active()).as("deactivated").isFalse();
        assertThat(p.links.user(100)).as("the link is kept").contains(id);
    }

    @Test
    void P8_aUserWithAnExcludedEmailIsNeverCreatedOrChanged() throws InterruptedException {
        p.settings = p.settings.withExcludedEmails(Set.of("owner@example.com"));
        LbUser owner = p.lb.user(p.lb.seedUser(new LbUserChange(null, "Owner@Example.com", "Olga", "Owner", true, "en",
                List.of(p.lb.topDepartmentId()), List.of(), null)));
        p.ziik.user(new ZiikUser(100, "Other", "Name", "owner@example.com", false, "da")).memberships(100, p.ziik.in(TOP));
        p.ziik.user(new ZiikUser(101, "Bo", "Excluded", "OWNER@example.com", true, "da")).memberships(101, p.ziik.in(TOP));

        reconcile(100);
        reconcile(101);

        assertThat(p.lb.users()).containsExactly(owner);
        assertThat(p.lb.writes()).isEmpty();
        assertThat(p.links.user(100)).isEmpty();
    }

    @Test
    void P6_aZiikUserNotFoundAndNeverLinkedChangesNothing() throws InterruptedException {
        UserReconciler.Result result = reconcile(404);

        assertThat(result.plan().steps()).isEmpty();
        assertThat(p.lb.users()).isEmpty();
        assertThat(p.lb.writes()).isEmpty();
        assertThat(p.links.user(404)).isEmpty();
    }

    @Test
    void L3_beforeTheFirstFullSynchronisationNothingIsDone() throws InterruptedException {
        p.links.unlinkDepartment(TOP);
        p.ziik.user(ann("ann@example.com", true)).memberships(100, p.ziik.in(TOP));

        UserReconciler.Result result = reconcile(100);

        assertThat(result.neverSynchronised()).isTrue();
        assertThat(p.lb.writes()).isEmpty();
    }

    @Test
    void L3_aUserOfAUnitNotLinkedYetWaits_orIsPlacedInTheNearestLinkedAncestor() throws InterruptedException {
        String kitchen = p.linkedUnit(10, "Kitchen", TOP);
        p.ziik.unit(11, "Bar", 10);
        p.ziik.user(ann("ann@example.com", true)).memberships(100, p.ziik.in(11));

        UserReconciler.Result waiting = new UserReconciler(p.context()).reconcile(100, p.tree(), p.settings, true, p.listener());
        assertThat(waiting.waiting()).isTrue();
        assertThat(waiting.missing()).containsExactly(UserReconciler.Missing.UNITS);
        assertThat(p.lb.writes()).isEmpty();

        reconcile(100);
        assertThat(only().departmentIds()).as("Bar has no department yet: Kitchen's").containsExactly(kitchen);
    }
}
