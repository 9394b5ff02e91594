package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.learningbank.NewUser;
import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.simulator.learningbank.WriteJournal;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.UserUpdate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Rules P1-P8: Ziik users to Learningbank users, each rule pinned by the test named after it. */
class UserRulesIT {
    private static final String USERS = "/api/v1/users";
    private static final String USER = "/api/v1/users/{id}";

    @Test
    void P1_everyZiikUserActiveOrNotHasOneLinkedUserWithItsFields() {
        try (RuleFixture f = new RuleFixture(21)) {
            int chef = f.org.createRole("Chef");
            int ann = f.user("Ann", "ann@example.com", Membership.of(f.org.topUnitId(), chef));
            int bob = f.user("Bob", "bob@example.com");
            f.org.deactivateUser(bob);

            f.sync();

            String top = f.lb.topDepartmentId();
            assertThat(f.createBody("ann@example.com")).isEqualTo(RuleFixture.json("{\"external_id\":\"ziik:" + ann
                    + "\",\"email\":\"ann@example.com\",\"first_name\":\"Ann\",\"last_name\":\"Last\",\"is_active\":true,"
                    + "\"language\":\"da\",\"department_ids\":[\"" + top + "\"],\"permission_type_ids\":[\"" + f.typeId("Chef") + "\"]}"));
            User bobInLb = f.lbUser(bob);
            assertThat(List.of(bobInLb.email(), bobInLb.firstName(), bobInLb.lastName(), bobInLb.language()))
                    .containsExactly("bob@example.com", "Bob", "Last", "da");
            assertThat(bobInLb.isActive()).as("a deactivated Ziik user is made, deactivated").isFalse();
            assertThat(f.h.links.user(ann)).contains(f.lbUser(ann).id());
            assertThat(f.h.links.user(bob)).contains(bobInLb.id());
            assertThat(f.lb.users()).as("Ann, Bob and the integration's Ziik admin account, once each")
                    .hasSize(3).extracting(User::externalId).doesNotHaveDuplicates();

            f.org.updateUser(ann, UserUpdate.none().withName("Anna", "Berg").withLanguage("sv"));
            f.sync();
            assertThat(f.bodies("PATCH", USER)).containsExactly(RuleFixture.json(
                    "{\"first_name\":\"Anna\",\"last_name\":\"Berg\",\"language\":\"sv\"}"));
            f.assertSettled();
        }
    }

    @Test
    void P2_firstContactMatchesByExternalIdThenEmailCaseInsensitively_thenTheLinkDecides() {
        try (RuleFixture f = new RuleFixture(22)) {
            int ann = f.user("Ann", "ann@example.com");
            int bob = f.user("Bob", "bob@example.com");
            int cid = f.user("Cid", "cid@example.com");
            String top = f.lb.topDepartmentId();
            String annInLb = f.lb.seedUser(NewUser.of("ziik:" + ann, "old.ann@example.com", "A", "B", List.of(top)));
            String bobInLb = f.lb.seedUser(NewUser.of(null, "BOB@Example.COM", "B", "C", List.of(top)));

            f.sync();

            assertThat(f.h.links.user(ann)).as("by external id, though the email differs").contains(annInLb);
            assertThat(f.h.links.user(bob)).as("by email, case-insensitively").contains(bobInLb);
            assertThat(f.bodies("POST", USERS)).as("only Cid (and the admin account) are made")
                    .extracting(b -> b.path("email").asString())
                    .containsExactlyInAnyOrder("cid@example.com", f.h.ziik.config().adminEmail());
            assertThat(f.lb.findUser(annInLb).orElseThrow().email()).isEqualTo("ann@example.com");
            assertThat(f.lb.findUser(bobInLb).orElseThrow().externalId()).isEqualTo("ziik:" + bob);

            f.org.updateUser(cid, UserUpdate.none().withEmail("cid.new@example.com"));
            String cidInLb = f.lbUser(cid).id();
            f.sync();
            assertThat(f.journal()).as("the link decides: one PATCH of the email, no second user").containsExactly(
                    new WriteJournal.Call("PATCH", USER, USERS + "/" + cidInLb, "{\"email\":\"cid.new@example.com\"}", 200));
            f.assertSettled();
        }
    }

    @Test
    void P3_departmentsAreTheMembershipsUnitsInZiikOrderWithoutRepeats_orTheTop_andUnmanagedOnesStay() {
        try (RuleFixture f = new RuleFixture(23)) {
            int top = f.org.topUnitId();
            int alpha = f.org.createUnit("Alpha", top);
            int zeta = f.org.createUnit("Zeta", top);
            f.lb.seedDepartment("Taken", null); // someone else's: the unit Taken resolves to Alpha (U6)
            int taken = f.org.createUnit("Taken", alpha);
            int ann = f.user("Ann", "ann@example.com", Membership.of(zeta), Membership.of(taken), Membership.of(alpha));
            int bob = f.user("Bob", "bob@example.com", Membership.of(taken));

            f.sync();

            JsonNode annBody = f.createBody("ann@example.com");
            assertThat(RuleFixture.strings(annBody.path("department_ids"))).as("Ziik's order, Alpha once")
                    .containsExactly(f.departmentId("Zeta"), f.departmentId("Alpha"));
            assertThat(f.lbUser(ann).departmentIds()).containsExactly(f.departmentId("Zeta"), f.departmentId("Alpha"));
            assertThat(f.lbUser(bob).departmentIds()).containsExactly(f.departmentId("Alpha"));

            String external = f.lb.seedDepartment("External training", null);
            f.h.learningbankClient().updateUser(f.lbUser(ann).id(), io.ziiklb.learningbank.LbUserChange.none()
                    .withDepartmentIds(List.of(external, f.departmentId("Zeta"), f.departmentId("Alpha"))));
            f.org.removeMembership(ann, 0); // Zeta
            f.sync();
            assertThat(f.lbUser(ann).departmentIds()).as("unmanaged kept, managed exactly Alpha")
                    .containsExactly(external, f.departmentId("Alpha"));

            f.org.createUnit("Kitchen", top); // only so the tree is not all Ann's
            f.lb.seedDepartment("Lonely", null);
            int lonely = f.org.createUnit("Lonely", top); // a name conflict with nothing linked above but the top
            int cid = f.user("Cid", "cid@example.com", Membership.of(lonely));
            f.sync();
            assertThat(f.lbUser(cid).departmentIds()).as("none resolves: the top department").containsExactly(f.lb.topDepartmentId());
        }
    }

    @Test
    void P4_permissionTypesAreThoseOfTheFirstMembershipsRolesOnly_unmanagedOnesStay() {
        try (RuleFixture f = new RuleFixture(24)) {
            int chef = f.org.createRole("Chef");
            int host = f.org.createRole("Host");
            int waiter = f.org.createRole("Waiter");
            int bar = f.org.createUnit("Bar", f.org.topUnitId());
            int ann = f.user("Ann", "ann@example.com", Membership.of(f.org.topUnitId(), chef, host), Membership.of(bar, waiter));

            f.sync();

            assertThat(RuleFixture.strings(f.createBody("ann@example.com").path("permission_type_ids")))
                    .containsExactlyInAnyOrder(f.typeId("Chef"), f.typeId("Host"));
            String cc = f.typeId("Content Creator");
            f.h.learningbankClient().updateUser(f.lbUser(ann).id(), io.ziiklb.learningbank.LbUserChange.none()
                    .withPermissionTypeIds(List.of(cc, f.typeId("Chef"), f.typeId("Host"))));

            f.org.replaceMembership(ann, 0, Membership.of(f.org.topUnitId(), host));
            f.sync();
            assertThat(f.lbUser(ann).permissionTypeIds()).as("unmanaged Content Creator stays; Waiter of the second membership never")
                    .containsExactlyInAnyOrder(cc, f.typeId("Host"));
            f.assertSettled();
        }
    }

    @Test
    void P5_firstMatchingRoleOfTheFirstMembershipWins() {
        try (RuleFixture f = new RuleFixture(25)) {
            f.lb.seedJobProfile("Chef", false);
            String waiterProfile = f.lb.seedJobProfile("Waiter", false);
            int host = f.org.createRole("Host");
            int waiter = f.org.createRole("Waiter");
            int chef = f.org.createRole("Chef");
            int bar = f.org.createUnit("Bar", f.org.topUnitId());
            int ann = f.user("Ann", "ann@example.com", Membership.of(f.org.topUnitId(), host, waiter, chef), Membership.of(bar, chef));

            f.sync();

            assertThat(f.createBody("ann@example.com").path("job_profile_id").asString()).isEqualTo(waiterProfile);
            assertThat(f.lbUser(ann).jobProfileId()).isEqualTo(waiterProfile);
        }
    }

    @Test
    void P5_aJobProfileMatchesOnlyTheExactName() {
        try (RuleFixture f = new RuleFixture(26)) {
            String fallback = f.lb.seedJobProfile("Employee", true);
            f.lb.seedJobProfile("chef", false);
            f.lb.seedJobProfile("Chef ", false);
            int chef = f.org.createRole("Chef");
            int ann = f.user("Ann", "ann@example.com", Membership.of(f.org.topUnitId(), chef));

            f.sync();

            assertThat(f.createBody("ann@example.com").has("job_profile_id")).as("no exact match: nothing sent").isFalse();
            assertThat(f.lbUser(ann).jobProfileId()).as("Learningbank's default").isEqualTo(fallback);
        }
    }

    @Test
    void P5_noMatchOnCreateSendsNoJobProfile_noMatchOnUpdateLeavesIt() {
        try (RuleFixture f = new RuleFixture(27)) {
            String fallback = f.lb.seedJobProfile("Employee", true);
            String chefProfile = f.lb.seedJobProfile("Chef", false);
            int chef = f.org.createRole("Chef");
            int waiter = f.org.createRole("Waiter");
            int ann = f.user("Ann", "ann@example.com", Membership.of(f.org.topUnitId(), chef));
            int bob = f.user("Bob", "bob@example.com", Membership.of(f.org.topUnitId(), waiter));

            f.sync();
            assertThat(f.createBody("bob@example.com").has("job_profile_id")).isFalse();
            assertThat(f.lbUser(bob).jobProfileId()).isEqualTo(fallback);
            assertThat(f.lbUser(ann).jobProfileId()).isEqualTo(chefProfile);

            f.org.replaceMembership(ann, 0, Membership.of(f.org.topUnitId(), waiter));
            f.sync();
            assertThat(f.bodies("PATCH", USER)).as("the type changes, the job profile is not sent")
                    .singleElement().satisfies(b -> assertThat(b.has("job_profile_id")).isFalse());
            assertThat(f.lbUser(ann).jobProfileId()).as("left as it is").isEqualTo(chefProfile);

            f.org.replaceMembership(bob, 0, Membership.of(f.org.topUnitId(), chef));
            f.sync();
            assertThat(f.lbUser(bob).jobProfileId()).as("a match on update sets it").isEqualTo(chefProfile);
            f.assertSettled();
        }
    }

    @Test
    void P5_withTheSettingOffNoJobProfileIsEverSent() {
        try (RuleFixture f = new RuleFixture(28)) {
            String fallback = f.lb.seedJobProfile("Employee", true);
            f.lb.seedJobProfile("Chef", false);
            f.lb.seedJobProfile("Waiter", false);
            int chef = f.org.createRole("Chef");
            int waiter = f.org.createRole("Waiter");
            int ann = f.user("Ann", "ann@example.com", Membership.of(f.org.topUnitId(), chef));
            f.h.settings = f.h.settings.withSyncJobProfiles(false);

            f.sync();
            assertThat(f.createBody("ann@example.com").has("job_profile_id")).isFalse();
            assertThat(f.lbUser(ann).jobProfileId()).isEqualTo(fallback);

            f.org.replaceMembership(ann, 0, Membership.of(f.org.topUnitId(), waiter));
            f.sync();
            assertThat(f.bodies("PATCH", USER)).singleElement().satisfies(b -> assertThat(b.has("job_profile_id")).isFalse());
            assertThat(f.lbUser(ann).jobProfileId()).isEqualTo(fallback);
        }
    }

    @Test
    void P6_deactivatedAndReactivatedInZiik_theSameLearningbankUser() {
        try (RuleFixture f = new RuleFixture(29)) {
            int ann = f.user("Ann", "ann@example.com");
            f.sync();
            String annInLb = f.lbUser(ann).id();

            f.org.deactivateUser(ann);
            f.sync();
            assertThat(f.journal()).containsExactly(new WriteJournal.Call("PATCH", USER, USERS + "/" + annInLb, "{\"is_active\":false}", 200));

            f.org.reactivateUser(ann);
            f.sync();
            assertThat(f.journal()).containsExactly(new WriteJournal.Call("PATCH", USER, USERS + "/" + annInLb, "{\"is_active\":true}", 200));
            assertThat(f.lbUser(ann).id()).isEqualTo(annInLb);
            assertThat(f.lbUser(ann).isActive()).isTrue();
        }
    }

    @Test
    void P6_aDeletedZiikUserIsDeactivatedNeverDeletedAndStaysLinked_byFullSyncAndByOneUsersRead() throws Exception {
        try (RuleFixture f = new RuleFixture(30)) {
            int ann = f.user("Ann", "ann@example.com");
            int bob = f.user("Bob", "bob@example.com");
            f.sync();
            String annInLb = f.lbUser(ann).id();
            String bobInLb = f.lbUser(bob).id();

            f.org.deleteUser(ann); // absent from both lists in the full sync
            f.sync();
            assertThat(f.journal()).containsExactly(new WriteJournal.Call("PATCH", USER, USERS + "/" + annInLb, "{\"is_active\":false}", 200));
            assertThat(f.h.links.user(ann)).as("the link is kept").contains(annInLb);

            f.org.deleteUser(bob); // 410 on read, as the one-user reconcile of a user.delete meets it
            f.forgetWrites();
            new UserReconciler(f.h.context(SyncHarness.noSleep(new Random(30)))).reconcile(bob, new UnitTree(f.h.ziikClient().units()), f.h.settings, false, r -> { });
            assertThat(f.journal()).containsExactly(new WriteJournal.Call("PATCH", USER, USERS + "/" + bobInLb, "{\"is_active\":false}", 200));
            assertThat(f.h.links.user(bob)).contains(bobInLb);

            assertThat(f.lb.findUser(annInLb)).isPresent();
            assertThat(f.lb.findUser(bobInLb)).isPresent();
            f.assertSettled();
        }
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("et", "et_EE"), Arguments.of("lv", "lv_LV"), Arguments.of("ro", "ro_RO"),
                Arguments.of("nb", "no"), Arguments.of("nn", "no"), Arguments.of("no", "no"),
                Arguments.of("en", "en"), Arguments.of("da", "da"), Arguments.of("de", "de"), Arguments.of("es", "es"),
                Arguments.of("fi", "fi"), Arguments.of("fr", "fr"), Arguments.of("it", "it"), Arguments.of("ja", "ja"),
                Arguments.of("lt", "lt"), Arguments.of("nl", "nl"), Arguments.of("pl", "pl"), Arguments.of("pt", "pt"),
                Arguments.of("ru", "ru"), Arguments.of("sk", "sk"), Arguments.of("sv", "sv"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("languages")
    void P7_aSupportedLanguageIsSentMapped(String ziik, String learningbank) {
        try (RuleFixture f = new RuleFixture(31)) {
            f.lb.setDefaultLanguage("da"); // a language not sent would show as Danish, unless "da" is sent
            int ann = f.org.createUser(io.ziiklb.simulator.ziik.NewUser.of("Ann", "Last", "ann@example.com",
                    Membership.of(f.org.topUnitId())).withLanguage(ziik));

            f.sync();

            assertThat(f.createBody("ann@example.com").path("language").asString()).isEqualTo(learningbank);
            assertThat(f.lbUser(ann).language()).isEqualTo(learningbank);
            assertThat(f.problems()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"is", "zh", "us", "et_EE", "xx"})
    void P7_anUnsupportedLanguageIsNotSentAndWarnedForThatUser(String ziik) {
        try (RuleFixture f = new RuleFixture(32)) {
            f.lb.setDefaultLanguage("de");
            int ann = f.org.createUser(io.ziiklb.simulator.ziik.NewUser.of("Ann", "Last", "ann@example.com",
                    Membership.of(f.org.topUnitId())).withLanguage(ziik));
            int bob = f.user("Bob", "bob@example.com");

            f.sync();

            assertThat(f.createBody("ann@example.com").has("language")).as("the field is not sent").isFalse();
            assertThat(f.lbUser(ann).language()).as("the platform default").isEqualTo("de");
            assertThat(f.lbUser(bob).language()).isEqualTo("da");
            assertThat(f.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("language_unsupported");
                assertThat(p.kind()).isEqualTo(ObjectKind.USER);
                assertThat(p.ziikId()).isEqualTo(ann);
                assertThat(p.message()).contains(ziik);
            });
        }
    }

    @Test
    void P8_excludedEmailsAreNeverCreatedChangedOrDeactivated() {
        try (RuleFixture f = new RuleFixture(33)) {
            String owner = f.lb.seedUser(NewUser.of(null, "owner@example.com", "Olga", "Owner", List.of(f.lb.topDepartmentId())));
            int ziikOwner = f.user("Olga", "Owner@Example.com");
            f.user("Boss", "boss@example.com");
            int ann = f.user("Ann", "ann@example.com");
            f.h.settings = f.h.settings.withExcludedEmails(Set.of("owner@example.com", "BOSS@example.com"));

            f.sync();
            assertThat(f.bodies("POST", USERS)).extracting(b -> b.path("email").asString())
                    .containsExactlyInAnyOrder("ann@example.com", f.h.ziik.config().adminEmail());
            assertThat(f.journal()).noneMatch(c -> c.path().endsWith("/" + owner));

            f.org.updateUser(ziikOwner, UserUpdate.none().withName("Changed", "Name"));
            f.org.deactivateUser(ziikOwner);
            f.org.deactivateUser(ann);
            f.sync();
            assertThat(f.journal()).as("only Ann's deactivation").containsExactly(new WriteJournal.Call("PATCH", USER,
                    USERS + "/" + f.lbUser(ann).id(), "{\"is_active\":false}", 200));
            User untouched = f.lb.findUser(owner).orElseThrow();
            assertThat(List.of(untouched.firstName(), String.valueOf(untouched.isActive()), String.valueOf(untouched.externalId())))
                    .containsExactly("Olga", "true", "null");
            assertThat(f.lb.findUserByEmail("boss@example.com")).isEmpty();
            f.assertSettled();
        }
    }
}
