package io.ziiklb.learningbank;

import io.ziiklb.http.AllowedPeers;
import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.http.PeerHttp;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A contract test, not a mock of Learningbank's behaviour: the client is held to the recorded
 * exchanges of {@code fixtures/learningbank-contract}, written from {@code learningbank-api.md}.
 * For each, a real HTTP server ({@link ContractServer}) answers the recorded response only if the
 * client sent exactly the recorded request; the test then checks that the client returns what that
 * response means (the records, or the typed exception). The same files are replayed against the
 * Learningbank simulator by the simulators' {@code ContractReplayTest}, so the client and the
 * simulator cannot agree on a misreading of the contract without one of the two failing.
 */
class LearningbankContractTest {
    private static final Set<String> REPLAYED = new ConcurrentSkipListSet<>();

    // the example objects of platforms/new.json and platforms/kitchen.json, as the client's records
    private static final LbDepartment TOP = new LbDepartment("dept-top", "Acme", null, true);
    private static final LbDepartment CPH = new LbDepartment("dept-cph", "Copenhagen", "dept-top", false);
    private static final LbDepartment KITCHEN = new LbDepartment("dept-kitchen", "Kitchen", "dept-cph", false);
    private static final LbDepartment BAR = new LbDepartment("dept-bar", "Bar", "dept-cph", false);
    private static final LbDepartment AARHUS = new LbDepartment("dept-aarhus", "Aarhus", "dept-top", false);
    private static final List<LbPermissionType> SYSTEM_TYPES = List.of(
            new LbPermissionType("pt-owner", "Owner", false, true),
            new LbPermissionType("pt-manager", "Manager", false, true),
            new LbPermissionType("pt-creator", "Content Creator", false, true),
            new LbPermissionType("pt-user", "User", true, true));
    private static final LbPermissionType SHIFT = new LbPermissionType("pt-shift", "Shift Lead", false, false);
    private static final LbJobProfile CHEF = new LbJobProfile("jp-chef", "Chef", true);
    private static final LbJobProfile WAITER = new LbJobProfile("jp-waiter", "Waiter", false);
    private static final LbUser ANNA = new LbUser("user-anna", "ziik:101", "anna@example.com", "Anna", "Holm", true,
            "da", List.of("dept-kitchen"), List.of("pt-user"), "jp-chef");
    private static final LbUser BO = new LbUser("user-bo", "ziik:102", "bo@example.com", "Bo", "Lind", true, "en",
            List.of("dept-bar", "dept-kitchen"), List.of("pt-user", "pt-shift"), "jp-waiter");
    private static final LbUser CLEO = new LbUser("user-cleo", null, "cleo@example.com", "Cleo", "Dahl", false, "sv",
            List.of("dept-kitchen"), List.of("pt-user"), "jp-waiter");

    private ContractServer server;
    private LearningbankClient client;

    @BeforeEach
    void start() {
        server = new ContractServer();
        client = clientWith("pa55-word", "tok-3f9a");
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(server.mismatches()).as("requests that were not the recorded ones").isEmpty();
    }

    /** Every recorded exchange is replayed by some test here. */
    @AfterAll
    static void everyExchangeWasReplayed() throws URISyntaxException, java.io.IOException {
        Path dir = Path.of(LearningbankContractTest.class.getResource("/fixtures/learningbank-contract").toURI());
        Set<String> recorded = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .forEach(n -> recorded.add(n.substring(0, n.length() - ".json".length())));
        }
        assertThat(new TreeSet<>(REPLAYED)).isEqualTo(recorded);
    }

    // ---- auth

    @Test
    void authWrongToken() {
        LearningbankClient wrongToken = clientWith("pa55-word", "tok-wrong");
        assertThat(refusal("auth-wrong-token", wrongToken, LearningbankClient::settings))
                .isInstanceOfSatisfying(LearningbankUnauthorizedException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void authWrongPassword() {
        LearningbankClient wrongPassword = clientWith("not-the-password", "tok-3f9a");
        assertThat(refusal("auth-wrong-password", wrongPassword, LearningbankClient::settings))
                .isInstanceOf(LearningbankUnauthorizedException.class);
    }

    // ---- settings

    @Test
    void settings() {
        assertThat(this.<LbSettings>replay("settings", LearningbankClient::settings))
                .isEqualTo(new LbSettings("https://acme.learningbankapp.com", "jp-chef", "pt-user", "da"));
    }

    @Test
    void settingsNewPlatformHasNoDefaultJobProfile() {
        assertThat(this.<LbSettings>replay("settings-new-platform", LearningbankClient::settings))
                .isEqualTo(new LbSettings("https://acme.learningbankapp.com", null, "pt-user", "en"));
    }

    // ---- departments

    @Test
    void departmentsPage() {
        assertThat(this.<LbPage<LbDepartment>>replay("departments-page", c -> c.departmentsPage(2, 2)))
                .isEqualTo(new LbPage<>(List.of(KITCHEN, BAR), 2, 2, 5, 3));
    }

    @Test
    void departmentsLastPage() {
        LbPage<LbDepartment> last = this.<LbPage<LbDepartment>>replay("departments-last-page", c -> c.departmentsPage(3, 2));
        assertThat(last).isEqualTo(new LbPage<>(List.of(AARHUS), 3, 2, 5, 3));
        assertThat(last.last()).isTrue();
    }

    @Test
    void departmentsAll() {
        assertThat(this.<List<LbDepartment>>replay("departments-all", LearningbankClient::allDepartments))
                .containsExactly(TOP, CPH, KITCHEN, BAR, AARHUS);
    }

    @Test
    void departmentsByName() {
        assertThat(this.<Optional<LbDepartment>>replay("departments-by-name", c -> c.departmentByName("Bar"))).contains(BAR);
    }

    @Test
    void departmentsGet() {
        assertThat(this.<LbDepartment>replay("departments-get", c -> c.department("dept-kitchen"))).isEqualTo(KITCHEN);
    }

    @Test
    void departmentsGetUnknown() {
        assertThat(refusal("departments-get-unknown", c -> c.department("dept-gone")))
                .isInstanceOfSatisfying(LearningbankNotFoundException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void departmentsCreate() {
        assertThat(this.<LbDepartment>replay("departments-create", c -> c.createDepartment("Odense", "dept-top")))
                .isEqualTo(new LbDepartment("dept-new", "Odense", "dept-top", false));
    }

    @Test
    void departmentsCreateDuplicateName() {
        assertConflict(refusal("departments-create-duplicate-name", c -> c.createDepartment("KITCHEN", "dept-aarhus")),
                LearningbankConflictException.Kind.DUPLICATE_NAME);
    }

    @Test
    void departmentsCreateUnknownParent() {
        assertInvalid(refusal("departments-create-unknown-parent", c -> c.createDepartment("Odense", "dept-gone")),
                "parent_id");
    }

    @Test
    void departmentsRename() {
        assertThat(this.<LbDepartment>replay("departments-rename", c -> c.updateDepartment("dept-bar", "Cocktail Bar", null)))
                .isEqualTo(new LbDepartment("dept-bar", "Cocktail Bar", "dept-cph", false));
    }

    @Test
    void departmentsMove() {
        assertThat(this.<LbDepartment>replay("departments-move", c -> c.updateDepartment("dept-bar", null, "dept-aarhus")))
                .isEqualTo(new LbDepartment("dept-bar", "Bar", "dept-aarhus", false));
    }

    @Test
    void departmentsRenameDuplicateName() {
        assertConflict(refusal("departments-rename-duplicate-name", c -> c.updateDepartment("dept-bar", "aarhus", null)),
                LearningbankConflictException.Kind.DUPLICATE_NAME);
    }

    @Test
    void departmentsMoveCycle() {
        assertInvalid(refusal("departments-move-cycle", c -> c.updateDepartment("dept-cph", null, "dept-kitchen")),
                "parent_id");
    }

    @Test
    void departmentsRenameTop() {
        assertConflict(refusal("departments-rename-top", c -> c.updateDepartment("dept-top", "Acme Group", null)),
                LearningbankConflictException.Kind.PROTECTED);
    }

    @Test
    void departmentsDelete() {
        replay("departments-delete", c -> {
            c.deleteDepartment("dept-aarhus");
            return null;
        });
    }

    @Test
    void departmentsDeleteWithUsers() {
        assertConflict(refusal("departments-delete-with-users", c -> c.deleteDepartment("dept-bar")),
                LearningbankConflictException.Kind.DEPARTMENT_NOT_EMPTY);
    }

    @Test
    void departmentsDeleteWithChildren() {
        assertConflict(refusal("departments-delete-with-children", c -> c.deleteDepartment("dept-cph")),
                LearningbankConflictException.Kind.DEPARTMENT_NOT_EMPTY);
    }

    @Test
    void departmentsDeleteTop() {
        assertConflict(refusal("departments-delete-top", c -> c.deleteDepartment("dept-top")),
                LearningbankConflictException.Kind.PROTECTED);
    }

    // ---- permission types

    @Test
    void permissionTypesAll() {
        List<LbPermissionType> expected = new java.util.ArrayList<>(SYSTEM_TYPES);
        expected.add(SHIFT);
        assertThat(this.<List<LbPermissionType>>replay("permission-types-all", LearningbankClient::allPermissionTypes)).isEqualTo(expected);
    }

    @Test
    void permissionTypesByName() {
        assertThat(this.<Optional<LbPermissionType>>replay("permission-types-by-name", c -> c.permissionTypeByName("Shift Lead"))).contains(SHIFT);
    }

    @Test
    void permissionTypesGet() {
        assertThat(this.<LbPermissionType>replay("permission-types-get", c -> c.permissionType("pt-shift"))).isEqualTo(SHIFT);
    }

    @Test
    void permissionTypesCreate() {
        assertThat(this.<LbPermissionType>replay("permission-types-create", c -> c.createPermissionType("Sommelier")))
                .isEqualTo(new LbPermissionType("pt-new", "Sommelier", false, false));
    }

    @Test
    void permissionTypesCreateDuplicateName() {
        assertConflict(refusal("permission-types-create-duplicate-name", c -> c.createPermissionType("manager")),
                LearningbankConflictException.Kind.DUPLICATE_NAME);
    }

    @Test
    void permissionTypesRename() {
        assertThat(this.<LbPermissionType>replay("permission-types-rename", c -> c.renamePermissionType("pt-shift", "Shift Leader")))
                .isEqualTo(new LbPermissionType("pt-shift", "Shift Leader", false, false));
    }

    @Test
    void permissionTypesRenameSystem() {
        assertConflict(refusal("permission-types-rename-system", c -> c.renamePermissionType("pt-manager", "Boss")),
                LearningbankConflictException.Kind.PROTECTED);
    }

    @Test
    void permissionTypesDelete() {
        replay("permission-types-delete", c -> {
            c.deletePermissionType("pt-shift");
            return null;
        });
    }

    @Test
    void permissionTypesDeleteSystem() {
        assertConflict(refusal("permission-types-delete-system", c -> c.deletePermissionType("pt-user")),
                LearningbankConflictException.Kind.PROTECTED);
    }

    // ---- job profiles

    @Test
    void jobProfilesAll() {
        assertThat(this.<List<LbJobProfile>>replay("job-profiles-all", LearningbankClient::allJobProfiles)).containsExactly(CHEF, WAITER);
    }

    @Test
    void jobProfilesGet() {
        assertThat(this.<LbJobProfile>replay("job-profiles-get", c -> c.jobProfile("jp-waiter"))).isEqualTo(WAITER);
    }

    @Test
    void jobProfilesByName() {
        assertThat(this.<List<LbJobProfile>>replay("job-profiles-by-name", c -> c.jobProfilesByName("Waiter"))).containsExactly(WAITER);
    }

    @Test
    void jobProfilesByNameOtherCase() {
        assertThat(this.<List<LbJobProfile>>replay("job-profiles-by-name-other-case", c -> c.jobProfilesByName("waiter"))).isEmpty();
    }

    // ---- users

    @Test
    void usersPage() {
        assertThat(this.<LbPage<LbUser>>replay("users-page", c -> c.usersPage(LbUserFilter.all(), 2, 2)))
                .isEqualTo(new LbPage<>(List.of(CLEO), 2, 2, 3, 2));
    }

    @Test
    void usersByExternalId() {
        assertThat(this.<Optional<LbUser>>replay("users-by-external-id", c -> c.userByExternalId("ziik:102"))).contains(BO);
    }

    @Test
    void usersByEmail() {
        assertThat(this.<Optional<LbUser>>replay("users-by-email", c -> c.userByEmail("ANNA@Example.com"))).contains(ANNA);
    }

    @Test
    void usersByEmailNone() {
        assertThat(this.<Optional<LbUser>>replay("users-by-email-none", c -> c.userByEmail("dan@example.com"))).isEmpty();
    }

    @Test
    void usersInactive() {
        assertThat(this.<List<LbUser>>replay("users-inactive", c -> c.allUsers(new LbUserFilter(null, null, null, false))))
                .containsExactly(CLEO);
    }

    @Test
    void usersInDepartment() {
        assertThat(this.<List<LbUser>>replay("users-in-department",
                c -> c.allUsers(new LbUserFilter(null, null, "dept-bar", null)))).containsExactly(BO);
    }

    @Test
    void usersGet() {
        assertThat(this.<LbUser>replay("users-get", c -> c.user("user-bo"))).isEqualTo(BO);
    }

    @Test
    void usersGetUnknown() {
        assertThat(refusal("users-get-unknown", c -> c.user("user-gone"))).isInstanceOf(LearningbankNotFoundException.class);
    }

    @Test
    void usersCreate() {
        LbUserChange dan = LbUserChange.none().withExternalId("ziik:103").withEmail("dan@example.com")
                .withName("Dan", "Ek").withActive(true).withLanguage("sv")
                .withDepartmentIds(List.of("dept-bar", "dept-aarhus")).withPermissionTypeIds(List.of("pt-shift"))
                .withJobProfileId("jp-waiter");
        assertThat(this.<LbUser>replay("users-create", c -> c.createUser(dan))).isEqualTo(new LbUser("user-new", "ziik:103",
                "dan@example.com", "Dan", "Ek", true, "sv", List.of("dept-bar", "dept-aarhus"), List.of("pt-shift"),
                "jp-waiter"));
    }

    @Test
    void usersCreateDefaults() {
        LbUserChange eva = LbUserChange.none().withEmail("eva@example.com").withName("Eva", "Berg")
                .withDepartmentIds(List.of("dept-kitchen"));
        assertThat(this.<LbUser>replay("users-create-defaults", c -> c.createUser(eva))).isEqualTo(new LbUser("user-new", null,
                "eva@example.com", "Eva", "Berg", true, "da", List.of("dept-kitchen"), List.of("pt-user"), "jp-chef"));
    }

    @Test
    void usersCreateNoDefaultJobProfile() {
        LbUserChange eva = LbUserChange.none().withExternalId("ziik:9").withEmail("eva@example.com")
                .withName("Eva", "Berg").withDepartmentIds(List.of("dept-top"));
        assertThat(this.<LbUser>replay("users-create-no-default-job-profile", c -> c.createUser(eva))).isEqualTo(new LbUser(
                "user-new", "ziik:9", "eva@example.com", "Eva", "Berg", true, "en", List.of("dept-top"),
                List.of("pt-user"), null));
    }

    @Test
    void usersCreateDuplicateEmail() {
        LbUserChange anna = LbUserChange.none().withExternalId("ziik:104").withEmail("Anna@Example.com")
                .withName("Anna", "Holm").withDepartmentIds(List.of("dept-kitchen"));
        assertConflict(refusal("users-create-duplicate-email", c -> c.createUser(anna)),
                LearningbankConflictException.Kind.DUPLICATE_EMAIL);
    }

    @Test
    void usersCreateDuplicateExternalId() {
        LbUserChange anna = LbUserChange.none().withExternalId("ziik:101").withEmail("anna.holm@example.com")
                .withName("Anna", "Holm").withDepartmentIds(List.of("dept-kitchen"));
        assertConflict(refusal("users-create-duplicate-external-id", c -> c.createUser(anna)),
                LearningbankConflictException.Kind.DUPLICATE_EXTERNAL_ID);
    }

    @Test
    void usersCreateBadLanguage() {
        LbUserChange dan = LbUserChange.none().withEmail("dan@example.com").withName("Dan", "Ek").withLanguage("dk")
                .withDepartmentIds(List.of("dept-bar"));
        assertInvalid(refusal("users-create-bad-language", c -> c.createUser(dan)), "language");
    }

    @Test
    void usersCreateUnknownDepartment() {
        LbUserChange dan = LbUserChange.none().withEmail("dan@example.com").withName("Dan", "Ek")
                .withDepartmentIds(List.of("dept-gone"));
        assertInvalid(refusal("users-create-unknown-department", c -> c.createUser(dan)), "department_ids");
    }

    @Test
    void usersCreateNoDepartment() {
        LbUserChange dan = LbUserChange.none().withEmail("dan@example.com").withName("Dan", "Ek")
                .withDepartmentIds(List.of());
        assertInvalid(refusal("users-create-no-department", c -> c.createUser(dan)), "department_ids");
    }

    @Test
    void usersPatch() {
        LbUserChange change = LbUserChange.none().withName(null, "Lindqvist")
                .withDepartmentIds(List.of("dept-aarhus")).withPermissionTypeIds(List.of("pt-user"));
        assertThat(this.<LbUser>replay("users-patch", c -> c.updateUser("user-bo", change))).isEqualTo(new LbUser("user-bo",
                "ziik:102", "bo@example.com", "Bo", "Lindqvist", true, "en", List.of("dept-aarhus"), List.of("pt-user"),
                "jp-waiter"));
    }

    @Test
    void usersDeactivate() {
        assertThat(this.<LbUser>replay("users-deactivate", c -> c.updateUser("user-anna", LbUserChange.none().withActive(false))))
                .isEqualTo(new LbUser("user-anna", "ziik:101", "anna@example.com", "Anna", "Holm", false, "da",
                        List.of("dept-kitchen"), List.of("pt-user"), "jp-chef"));
    }

    @Test
    void usersReactivate() {
        assertThat(this.<LbUser>replay("users-reactivate", c -> c.updateUser("user-cleo", LbUserChange.none().withActive(true))))
                .isEqualTo(new LbUser("user-cleo", null, "cleo@example.com", "Cleo", "Dahl", true, "sv",
                        List.of("dept-kitchen"), List.of("pt-user"), "jp-waiter"));
    }

    @Test
    void usersPatchUnknown() {
        assertThat(refusal("users-patch-unknown", c -> c.updateUser("user-gone", LbUserChange.none().withActive(false))))
                .isInstanceOf(LearningbankNotFoundException.class);
    }

    @Test
    void usersPatchUnknownPermissionType() {
        assertInvalid(refusal("users-patch-unknown-permission-type",
                c -> c.updateUser("user-anna", LbUserChange.none().withPermissionTypeIds(List.of("pt-gone")))),
                "permission_type_ids");
    }

    // ---- automatic login

    @Test
    void loginLinksCreate() {
        LbLoginLink link = replay("login-links-create", c -> c.createLoginLink("user-anna", "/courses/42"));
        assertThat(link.url()).isEqualTo("https://acme.learningbankapp.com/sso/ticket/<one-time>");
        // the exchange happens at 09:30:00 (the fixture's "at"), and a link works for 60 seconds
        assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-03-02T09:30:00Z").plusSeconds(60));
    }

    @Test
    void loginLinksInactiveUser() {
        assertConflict(refusal("login-links-inactive-user", c -> c.createLoginLink("user-cleo", "/")),
                LearningbankConflictException.Kind.USER_INACTIVE);
    }

    @Test
    void loginLinksAbsoluteUrl() {
        assertInvalid(refusal("login-links-absolute-url", c -> c.createLoginLink("user-anna", "https://evil.example/")),
                "redirect_path");
    }

    @Test
    void loginLinksOtherHost() {
        assertInvalid(refusal("login-links-other-host", c -> c.createLoginLink("user-anna", "//evil.example/courses")),
                "redirect_path");
    }

    // ---- transient failures

    @Test
    void rateLimited() {
        assertThat(refusal("rate-limited", c -> c.user("user-anna")))
                .isInstanceOfSatisfying(LearningbankRateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(e.transientFailure()).isTrue();
                });
    }

    @Test
    void serverError() {
        assertThat(refusal("server-error", c -> c.createDepartment("Odense", "dept-top")))
                .isInstanceOfSatisfying(LearningbankUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.code()).isEqualTo("server_error");
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e.mayHaveApplied()).as("a write whose answer was a 5xx").isTrue();
                });
    }

    // ---- plumbing

    private LearningbankClient clientWith(String password, String token) {
        return new LearningbankClient(PeerHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(5), AllowedPeers.loopback()),
                new LbCredentials(server.baseUrl(), "acme-sync", password, token),
                Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC));
    }

    /** Replays the exchange: the call must make exactly the recorded request, once, and succeed. */
    private <T> T replay(String exchange, Function<LearningbankClient, T> call) {
        expect(exchange);
        T result = call.apply(client);
        assertThat(server.requests()).as("requests made for %s", exchange).isEqualTo(1);
        return result;
    }

    private LearningbankException refusal(String exchange, Consumer<LearningbankClient> call) {
        return refusal(exchange, client, call);
    }

    /** Replays the exchange: the call must make exactly the recorded request, once, and be refused. */
    private LearningbankException refusal(String exchange, LearningbankClient with, Consumer<LearningbankClient> call) {
        expect(exchange);
        LearningbankException refused = null;
        try {
            call.accept(with);
        } catch (LearningbankException e) {
            refused = e;
        }
        assertThat(server.requests()).as("requests made for %s", exchange).isEqualTo(1);
        assertThat(server.mismatches()).as("requests that were not the recorded ones").isEmpty();
        assertThat(refused).as("the client's answer to %s", exchange).isNotNull();
        assertThat(refused.status()).isEqualTo(RecordedExchange.read(exchange).status());
        return refused;
    }

    private void expect(String exchange) {
        server.expect(RecordedExchange.read(exchange));
        REPLAYED.add(exchange);
    }

    private static void assertConflict(LearningbankException refused, LearningbankConflictException.Kind kind) {
        assertThat(refused).isInstanceOfSatisfying(LearningbankConflictException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }

    private static void assertInvalid(LearningbankException refused, String field) {
        assertThat(refused).isInstanceOfSatisfying(LearningbankValidationException.class, e -> {
            assertThat(e.code()).isEqualTo("validation_failed");
            assertThat(e.fields()).isEqualTo(Map.of(field, List.of("<text>")));
            assertThat(e.transientFailure()).isFalse();
        });
    }
}
