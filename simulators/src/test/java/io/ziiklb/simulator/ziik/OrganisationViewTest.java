package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read-only view: every field of the organisation's own rows, and a copy that later changes leave alone. */
class OrganisationViewTest {
    private ZiikOrganisation org;
    private int site;
    private int delivery;
    private int chef;
    private int waiter;
    private int ann;
    private int bo;

    @BeforeEach
    void setUp() {
        org = new ZiikOrganisation("admin@example.com", (trigger, membership, body) -> { });
        site = org.createUnit("Harbour", org.topUnitId());
        delivery = org.createDepartment("Delivery", site);
        chef = org.createRole("Chef");
        waiter = org.createRole("Waiter");
        ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", new Membership(site, delivery, List.of(waiter, chef)))
                .withLanguage("kl").withTitle("Cook"));
        org.addMembership(ann, Membership.of(org.topUnitId(), chef));
        bo = org.createUser(NewUser.of("Bo", "Dahl", "bo@example.com", Membership.of(site)));
        org.deactivateUser(bo);
    }

    @Test
    void viewShowsUnitsWithTypeAndParent() {
        OrganisationView view = org.view();
        assertThat(view.topUnitId()).isEqualTo(org.topUnitId());
        assertThat(view.units()).containsExactly(
                new OrganisationView.Unit(org.topUnitId(), "HQ", null, "unit"),
                new OrganisationView.Unit(site, "Harbour", org.topUnitId(), "unit"),
                new OrganisationView.Unit(delivery, "Delivery", site, "department"));
        assertThat(view.unit(delivery).orElseThrow().isDepartment()).isTrue();
        assertThat(view.unit(org.topUnitId()).orElseThrow().isTop()).isTrue();
    }

    @Test
    void viewShowsRolesAndEveryUserFieldWithOrderedMemberships() {
        OrganisationView view = org.view();
        assertThat(view.roles()).extracting(OrganisationView.Role::name).containsExactly("Administrator", "Chef", "Waiter");
        assertThat(view.user(ann).orElseThrow()).isEqualTo(new OrganisationView.User(ann, "Ann", "Berg", "ann@example.com",
                "Cook", "kl", "Europe/Copenhagen", true,
                List.of(new Membership(site, delivery, List.of(waiter, chef)), Membership.of(org.topUnitId(), chef))));
        assertThat(view.user(bo).orElseThrow().active()).isFalse();
        assertThat(view.adminUserId()).isEqualTo(org.adminUserId());
    }

    @Test
    void viewShowsDeletedUsersApartFromTheLiving() {
        org.deleteUser(bo);
        OrganisationView view = org.view();
        assertThat(view.deletedUserIds()).containsExactly(bo);
        assertThat(view.users()).extracting(OrganisationView.User::id).containsExactly(org.adminUserId(), ann);
    }

    @Test
    void viewIsACopyThatLaterChangesLeaveAlone() {
        OrganisationView before = org.view();
        org.renameUnit(site, "Quay");
        org.renameRole(chef, "Head chef");
        org.updateUser(ann, UserUpdate.none().withName("Anna", "Berg"));
        org.removeMembership(ann, 1);
        org.deleteUser(bo);
        assertThat(before.unit(site).orElseThrow().name()).isEqualTo("Harbour");
        assertThat(before.role(chef).orElseThrow().name()).isEqualTo("Chef");
        assertThat(before.user(ann).orElseThrow().firstName()).isEqualTo("Ann");
        assertThat(before.user(ann).orElseThrow().memberships()).hasSize(2);
        assertThat(before.deletedUserIds()).isEmpty();
        assertThat(org.view().unit(site).orElseThrow().name()).isEqualTo("Quay");
        assertThatThrownBy(() -> before.users().add(before.users().getFirst())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> before.deletedUserIds().add(1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
