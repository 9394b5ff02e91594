package io.ziiklb.learningbank;

import io.ziiklb.http.AllowedPeers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.PeerIoException;
import io.ziiklb.simulator.http.FaultTiming;
import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Learningbank client against the simulator, over real HTTP. */
class LearningbankClientIT {
    /** The simulator's clock stands here, so a login link's expiry is known to the second. */
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    private LearningbankSimulator sim;
    private LearningbankClient client;
    private final HeldSleeps held = new HeldSleeps();

    @BeforeEach
    void start() {
        sim = LearningbankSimulator.start(LearningbankSimulator.Config.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        client = clientWith(LearningbankSimulator.Config.defaults().token(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        held.release();
        sim.close();
    }

    private LearningbankClient clientWith(String token, Duration requestTimeout) {
        LearningbankSimulator.Config c = LearningbankSimulator.Config.defaults();
        PeerHttp http = PeerHttp.create(Duration.ofSeconds(2), requestTimeout, AllowedPeers.loopback());
        return new LearningbankClient(http, new LbCredentials(sim.baseUrl(), c.username(), c.password(), token),
                Clock.systemUTC());
    }

    private String top() {
        return client.allDepartments().stream().filter(LbDepartment::top).findFirst().orElseThrow().id();
    }

    @Test
    void settingsAndTheNewPlatform() {
        LbSettings settings = client.settings();
        assertThat(settings.platformUrl()).isEqualTo(sim.platformUrl());
        assertThat(settings.defaultJobProfileId()).isNull();
        assertThat(settings.defaultLanguage()).isEqualTo("en");
        assertThat(client.allDepartments()).singleElement().satisfies(d -> {
            assertThat(d.top()).isTrue();
            assertThat(d.parentId()).isNull();
        });
        assertThat(client.allPermissionTypes()).extracting(LbPermissionType::name)
                .containsExactlyInAnyOrder("Owner", "Manager", "Content Creator", "User");
        assertThat(client.permissionType(settings.defaultPermissionTypeId()).name()).isEqualTo("User");
    }

    @Test
    void wrongTokenIsUnauthorized() {
        assertThatThrownBy(() -> clientWith("wrong", Duration.ofSeconds(5)).settings())
                .isInstanceOfSatisfying(LearningbankUnauthorizedException.class,
                        e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void departmentsCreateRenameMoveDelete() {
        LbDepartment a = client.createDepartment("Copenhagen", top());
        LbDepartment b = client.createDepartment("Kitchen", a.id());
        assertThat(client.departmentByName("kitchen")).contains(b);
        LbDepartment moved = client.updateDepartment(b.id(), "Kitchen (12)", top());
        assertThat(moved).isEqualTo(new LbDepartment(b.id(), "Kitchen (12)", top(), false));
        assertThat(client.department(b.id())).isEqualTo(moved);
        client.deleteDepartment(b.id());
        assertThatThrownBy(() -> client.department(b.id())).isInstanceOf(LearningbankNotFoundException.class);
        assertThat(client.departmentByName("Kitchen (12)")).isEmpty();
    }

    @Test
    void departmentConflicts() {
        LbDepartment a = client.createDepartment("Copenhagen", top());
        LbDepartment child = client.createDepartment("Kitchen", a.id());
        assertConflict(() -> client.createDepartment("COPENHAGEN", top()), LearningbankConflictException.Kind.DUPLICATE_NAME);
        assertConflict(() -> client.updateDepartment(top(), "Renamed", null), LearningbankConflictException.Kind.PROTECTED);
        assertConflict(() -> client.deleteDepartment(top()), LearningbankConflictException.Kind.PROTECTED);
        assertConflict(() -> client.deleteDepartment(a.id()), LearningbankConflictException.Kind.DEPARTMENT_NOT_EMPTY);
        assertThatThrownBy(() -> client.updateDepartment(a.id(), null, child.id()))
                .isInstanceOfSatisfying(LearningbankValidationException.class,
                        e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> client.createDepartment("Orphan", "no-such-id"))
                .isInstanceOfSatisfying(LearningbankValidationException.class,
                        e -> assertThat(e.fields()).containsKey("parent_id"));
    }

    @Test
    void permissionTypes() {
        LbPermissionType chef = client.createPermissionType("Chef");
        assertThat(client.permissionTypeByName("CHEF")).contains(chef);
        assertThat(client.renamePermissionType(chef.id(), "Head chef").name()).isEqualTo("Head chef");
        assertConflict(() -> client.createPermissionType("head CHEF"), LearningbankConflictException.Kind.DUPLICATE_NAME);
        String owner = client.permissionTypeByName("Owner").orElseThrow().id();
        assertConflict(() -> client.renamePermissionType(owner, "Boss"), LearningbankConflictException.Kind.PROTECTED);
        assertConflict(() -> client.deletePermissionType(owner), LearningbankConflictException.Kind.PROTECTED);

        LbUser user = client.createUser(newUser("ann@example.com", "ziik:1").withPermissionTypeIds(List.of(chef.id())));
        client.deletePermissionType(chef.id());
        assertThat(client.user(user.id()).permissionTypeIds()).isEmpty();
    }

    @Test
    void jobProfilesAreMatchedExactly() {
        sim.state().seedJobProfile("Chef", false);
        sim.state().seedJobProfile("Waiter", true);
        assertThat(client.jobProfilesByName("Chef")).singleElement().extracting(LbJobProfile::name).isEqualTo("Chef");
        assertThat(client.jobProfilesByName("chef")).isEmpty();
        assertThat(client.allJobProfiles()).hasSize(2);
        assertThat(client.settings().defaultJobProfileId())
                .isEqualTo(client.jobProfilesByName("Waiter").getFirst().id());
    }

    @Test
    void userCreateWithDefaultsThenPatch() {
        String waiter = sim.state().seedJobProfile("Waiter", true);
        LbUser created = client.createUser(newUser("Ann@Example.com", "ziik:7"));
        assertThat(created.active()).isTrue();
        assertThat(created.language()).isEqualTo("en");
        assertThat(created.jobProfileId()).isEqualTo(waiter);
        assertThat(created.permissionTypeIds()).containsExactly(client.settings().defaultPermissionTypeId());
        assertThat(created.departmentIds()).containsExactly(top());

        assertThat(client.userByExternalId("ziik:7")).contains(created);
        assertThat(client.userByEmail("ann@example.COM")).contains(created);
        assertThat(client.userByExternalId("ziik:8")).isEmpty();

        LbDepartment kitchen = client.createDepartment("Kitchen", top());
        LbUser patched = client.updateUser(created.id(), LbUserChange.none()
                .withEmail("ann.berg@example.com").withActive(false).withLanguage("et_EE")
                .withDepartmentIds(List.of(kitchen.id())).withPermissionTypeIds(List.of()));
        assertThat(patched.email()).isEqualTo("ann.berg@example.com");
        assertThat(patched.active()).isFalse();
        assertThat(patched.language()).isEqualTo("et_EE");
        assertThat(patched.departmentIds()).containsExactly(kitchen.id());
        assertThat(patched.permissionTypeIds()).isEmpty();
        assertThat(patched.firstName()).isEqualTo("Ann");
    }

    @Test
    void userConflictsAndValidation() {
        client.createUser(newUser("ann@example.com", "ziik:1"));
        assertConflict(() -> client.createUser(newUser("ANN@example.com", "ziik:2")),
                LearningbankConflictException.Kind.DUPLICATE_EMAIL);
        assertConflict(() -> client.createUser(newUser("bob@example.com", "ziik:1")),
                LearningbankConflictException.Kind.DUPLICATE_EXTERNAL_ID);
        assertThatThrownBy(() -> client.createUser(newUser("bob@example.com", "ziik:2").withLanguage("is")))
                .isInstanceOfSatisfying(LearningbankValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("validation_failed");
                    assertThat(e.fields()).containsKey("language");
                });
        assertThatThrownBy(() -> client.createUser(newUser("bob@example.com", "ziik:2").withDepartmentIds(List.of())))
                .isInstanceOfSatisfying(LearningbankValidationException.class,
                        e -> assertThat(e.fields()).containsKey("department_ids"));
        assertThatThrownBy(() -> client.user("nobody")).isInstanceOf(LearningbankNotFoundException.class);
    }

    @Test
    void listsFollowEveryPage() {
        for (int i = 0; i < 450; i++) {
            client.createUser(newUser("user" + i + "@example.com", "ziik:" + i));
        }
        sim.requestLog().reset();
        assertThat(client.allUsers(LbUserFilter.all())).hasSize(450).extracting(LbUser::externalId).doesNotHaveDuplicates();
        assertThat(sim.requestLog().count("GET", "/api/v1/users")).isEqualTo(3); // 200 + 200 + 50
        LbPage<LbUser> second = client.usersPage(LbUserFilter.all(), 2, 200);
        assertThat(second.total()).isEqualTo(450);
        assertThat(second.lastPage()).isEqualTo(3);
        assertThat(second.last()).isFalse();
    }

    @Test
    void loginLinks() {
        LbUser user = client.createUser(newUser("ann@example.com", "ziik:1"));
        LbLoginLink link = client.createLoginLink(user.id(), "/courses/42");
        assertThat(link.url()).startsWith(sim.platformUrl() + "/sso/ticket/");
        assertThat(link.expiresAt()).as("the contract: a link works for 60 seconds").isEqualTo(NOW.plusSeconds(60));
        assertThatThrownBy(() -> client.createLoginLink(user.id(), "https://evil.example/"))
                .isInstanceOfSatisfying(LearningbankValidationException.class,
                        e -> assertThat(e.fields()).containsKey("redirect_path"));
        client.updateUser(user.id(), LbUserChange.none().withActive(false));
        assertConflict(() -> client.createLoginLink(user.id(), "/"), LearningbankConflictException.Kind.USER_INACTIVE);
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        sim.setFaultTiming(held); // the limit's time stands still: its one call refills in 1 / 0.25 = 4 s
        sim.setFaults(Faults.none().withRateLimit(0.25, 1));
        client.settings();
        assertThatThrownBy(() -> client.settings())
                .isInstanceOfSatisfying(LearningbankRateLimitedException.class, e -> {
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(4));
                });
    }

    @Test
    void serverErrorIsTransientAndNotApplied() {
        String top = top();
        sim.setFaults(Faults.none().withErrorRate(1.0));
        assertThatThrownBy(() -> client.createDepartment("Copenhagen", top))
                .isInstanceOfSatisfying(LearningbankUnavailableException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e.mayHaveApplied()).isTrue();
                });
        sim.setFaults(Faults.none());
        assertThat(client.departmentByName("Copenhagen")).isEmpty();
    }

    @Test
    void lostResponseIsTransientButApplied() {
        String top = top();
        sim.setFaults(Faults.none().withLostResponseRate(1.0));
        for (int i = 0; i < 6; i++) { // half end as a 500, half as a dropped connection
            int n = i;
            assertThatThrownBy(() -> client.createDepartment("Lost " + n, top))
                    .isInstanceOfSatisfying(LearningbankUnavailableException.class,
                            e -> assertThat(e.mayHaveApplied()).isTrue());
        }
        sim.setFaults(Faults.none());
        for (int i = 0; i < 6; i++) {
            assertThat(client.departmentByName("Lost " + i)).isPresent();
        }
    }

    /**
     * The simulator holds the call (its timeout sleep waits until the test ends), so the client can
     * only come back by its own 300 ms request timeout: it must say so while the call is still held.
     */
    @Test
    void timeoutIsBoundedAndTransient() {
        LearningbankClient impatient = clientWith(LearningbankSimulator.Config.defaults().token(), Duration.ofMillis(300));
        String top = top();
        sim.setFaultTiming(held);
        sim.setFaults(Faults.none().withTimeouts(1.0, 3_000));
        assertThatThrownBy(() -> impatient.createDepartment("Slow", top))
                .isInstanceOfSatisfying(LearningbankUnavailableException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.mayHaveApplied()).isTrue();
                    assertThat(e.getCause()).isInstanceOfSatisfying(PeerIoException.class,
                            io -> assertThat(io.timedOut()).as("the client's own timeout").isTrue());
                });
        assertThat(held.holding()).as("the simulator still holds the call").isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"GET,/api/v1/settings", "GET,/api/v1/departments"})
    void everyCallIsCounted(String method, String template) {
        sim.requestLog().reset();
        client.settings();
        client.allDepartments();
        assertThat(sim.requestLog().count(method, template)).isEqualTo(1);
        assertThat(sim.requestLog().writes()).isZero();
    }

    /**
     * Fault time for the simulator that stands still, and whose sleeps (a timeout's hang) wait
     * until the test ends rather than for a while of real time (at most 30 s, so nothing hangs).
     */
    private static final class HeldSleeps implements FaultTiming {
        private final CountDownLatch end = new CountDownLatch(1);
        private final AtomicInteger holding = new AtomicInteger();

        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            holding.incrementAndGet();
            try {
                end.await(30, TimeUnit.SECONDS);
            } finally {
                holding.decrementAndGet();
            }
        }

        int holding() {
            return holding.get();
        }

        void release() {
            end.countDown();
        }
    }

    private LbUserChange newUser(String email, String externalId) {
        return LbUserChange.none().withExternalId(externalId).withEmail(email).withName("Ann", "Berg")
                .withDepartmentIds(List.of(top()));
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                       LearningbankConflictException.Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LearningbankConflictException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.status()).isEqualTo(409);
        });
    }
}
