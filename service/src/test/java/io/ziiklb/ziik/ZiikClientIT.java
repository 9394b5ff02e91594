package io.ziiklb.ziik;

import io.ziiklb.http.AllowedPeers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.ziik.Membership;
import io.ziiklb.simulator.ziik.NewUser;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.SeededPeople;
import io.ziiklb.simulator.ziik.ZiikOrganisation;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Ziik client against the simulator, over real HTTP. */
class ZiikClientIT {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private final MutableClock simClock = new MutableClock(T0);
    private ZiikSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private ZiikSimulator start(Duration tokenTtl) {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults().withClock(simClock).withTokenTtl(tokenTtl));
        return sim;
    }

    private ZiikClient client(Clock clock, Sleeper sleeper, String password) {
        PeerHttp http = PeerHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(5), AllowedPeers.loopback());
        return new ZiikClient(http, sim.baseUrl(), sim.config().adminEmail(), password, clock, sleeper,
                ZiikClientPolicy.defaults());
    }

    private ZiikClient person(SeededPeople.Person person) {
        PeerHttp http = PeerHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(5), AllowedPeers.loopback());
        return new ZiikClient(http, sim.baseUrl(), person.email(), person.password(), simClock, d -> { },
                ZiikClientPolicy.defaults());
    }

    private ZiikClient client() {
        return client(simClock, d -> { }, sim.config().adminPassword());
    }

    @Test
    void readsAGeneratedOrganisationWholeFollowingEveryPage() {
        start(Duration.ofHours(1));
        OrganisationGenerator.Summary generated = OrganisationGenerator.populate(sim.organisation(), 450, 7);
        ZiikClient ziik = client();

        List<ZiikUnit> units = ziik.units();
        assertThat(units).hasSize(generated.units() + generated.departments());
        assertThat(units).extracting(ZiikUnit::id).doesNotHaveDuplicates();
        assertThat(units).filteredOn(ZiikUnit::isTop).singleElement()
                .satisfies(top -> assertThat(top.name()).isEqualTo(generated.company()));
        assertThat(ziik.roles()).extracting(ZiikRole::name).containsAll(generated.roleNames());

        List<ZiikUserSummary> active = ziik.activeUsers();
        List<ZiikUserSummary> inactive = ziik.inactiveUsers();
        ZiikOrganisation.Summary summary = sim.organisation().summary();
        assertThat(active).hasSize(summary.activeUsers()).allMatch(ZiikUserSummary::active);
        assertThat(inactive).hasSize(summary.inactiveUsers()).noneMatch(ZiikUserSummary::active);
        // 100 a page: ceil(n / 100) calls per list
        assertThat(sim.requestLog().count("GET", "/api/users")).isEqualTo((active.size() + 99) / 100 + (inactive.size() + 99) / 100);

        ZiikUserSummary someone = active.get(active.size() / 2);
        ZiikUser user = ziik.user(someone.id()).orElseThrow();
        assertThat(user.email()).contains("@");
        List<ZiikMembership> memberships = ziik.memberships(someone.id());
        assertThat(memberships).extracting(ZiikMembership::unitId)
                .containsExactlyElementsOf(sim.organisation().memberships((int) someone.id()).stream()
                        .map(m -> (long) m.unitId()).toList());
    }

    @Test
    void allUsersHandsEachPageOverAsItComesIn_activeThenInactive() {
        start(Duration.ofHours(1));
        OrganisationGenerator.populate(sim.organisation(), 450, 7);
        ZiikClient ziik = client();
        List<ZiikUserSummary> active = ziik.activeUsers();
        List<ZiikUserSummary> inactive = ziik.inactiveUsers();
        sim.requestLog().reset();

        List<Integer> pageSizes = new java.util.ArrayList<>();
        List<Long> callsSoFar = new java.util.ArrayList<>();
        List<ZiikUserSummary> all = new java.util.ArrayList<>();
        ziik.allUsers(page -> {
            pageSizes.add(page.size());
            callsSoFar.add(sim.requestLog().count("GET", "/api/users"));
            all.addAll(page);
        });

        assertThat(all).containsExactlyElementsOf(java.util.stream.Stream.concat(active.stream(), inactive.stream()).toList());
        assertThat(pageSizes).allMatch(n -> n <= 100).hasSize((active.size() + 99) / 100 + (inactive.size() + 99) / 100);
        assertThat(callsSoFar).as("each page handed over before the next is read").containsExactly(
                java.util.stream.LongStream.rangeClosed(1, pageSizes.size()).boxed().toArray(Long[]::new));
    }

    @Test
    void membershipsKeepZiiksOrderAndRoles() {
        start(Duration.ofHours(1));
        ZiikOrganisation org = sim.organisation();
        int kitchen = org.createUnit("Kitchen", org.topUnitId());
        int bar = org.createUnit("Bar", org.topUnitId());
        int chef = org.createRole("Chef");
        int waiter = org.createRole("Waiter");
        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(bar, waiter, chef)).withLanguage("da"));
        org.addMembership(ann, Membership.of(kitchen, chef));

        List<ZiikMembership> memberships = client().memberships(ann);
        assertThat(memberships).extracting(ZiikMembership::unitId).containsExactly((long) bar, (long) kitchen);
        assertThat(memberships.getFirst().roles()).extracting(ZiikRole::name).containsExactly("Waiter", "Chef");
        assertThat(client().user(ann).orElseThrow().language()).isEqualTo("da");
    }

    @Test
    void theAccountIsAnAdministrator() {
        start(Duration.ofHours(1));
        ZiikAccount account = client().currentAccount();
        assertThat(account.admin()).isTrue();
        assertThat(account.email()).isEqualTo(sim.config().adminEmail());
    }

    @Test
    void aPersonSignsInAsThemselvesAndSaysWhetherTheyAreAnAdministrator() {
        start(Duration.ofHours(1));
        SeededPeople people = sim.seedPeople();
        ZiikAccount admin = person(people.administrator()).currentAccount();
        assertThat(admin).isEqualTo(new ZiikAccount(people.administrator().id(), people.administrator().email(),
                "Ada", "Admin", true));
        assertThat(admin.displayName()).isEqualTo(people.administrator().name());
        ZiikAccount employee = person(people.employee()).currentAccount();
        assertThat(employee.id()).isEqualTo(people.employee().id());
        assertThat(employee.displayName()).isEqualTo(people.employee().name());
        assertThat(employee.admin()).isFalse();
        assertThatThrownBy(() -> person(people.employee()).createQuicklink("x", "https://example.com"))
                .isInstanceOf(ZiikForbiddenException.class);
    }

    @Test
    void quicklinksAreCreatedListedChangedAndDeleted() {
        start(Duration.ofHours(1));
        ZiikClient ziik = client();
        long id = ziik.createQuicklink("Learningbank", "https://acme.learningbank.test/");
        assertThat(ziik.quicklinks()).containsExactly(new ZiikQuicklink(id, "Learningbank", "https://acme.learningbank.test/"));
        assertThat(sim.quicklinks()).singleElement().satisfies(q -> assertThat(q.visibility().isEverybody()).isTrue());

        ziik.updateQuicklink(id, "Courses", "https://acme.learningbank.test/courses");
        assertThat(ziik.quicklinks()).containsExactly(new ZiikQuicklink(id, "Courses", "https://acme.learningbank.test/courses"));

        ziik.deleteQuicklink(id);
        ziik.deleteQuicklink(id); // already gone is fine
        assertThat(ziik.quicklinks()).isEmpty();
        assertThatThrownBy(() -> ziik.updateQuicklink(id, "x", "https://example.com")).isInstanceOf(ZiikNotFoundException.class);
        assertThatThrownBy(() -> ziik.createQuicklink("Bad", "acme.learningbank.test")).isInstanceOf(ZiikRejectedException.class);
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailure() {
        start(Duration.ofHours(1));
        assertThatThrownBy(() -> client(simClock, d -> { }, "wrong").roles())
                .isInstanceOf(ZiikAuthenticationException.class)
                .hasMessageNotContaining("wrong");
    }

    @Test
    void renewsBeforeTheTokenExpires() {
        start(Duration.ofMinutes(10));
        ZiikClient ziik = client();
        ziik.roles();
        simClock.advance(Duration.ofMinutes(9).plusSeconds(30)); // inside the 60 s renew margin
        ziik.roles();
        simClock.advance(Duration.ofMinutes(5)); // the renewed token is still good
        ziik.roles();
        assertThat(sim.requestLog().count("POST", "/api/authenticate")).isEqualTo(1);
        assertThat(sim.requestLog().count("POST", "/api/renew")).isEqualTo(1);
    }

    @Test
    void signsInAgainOnceWhenZiikSaysTheTokenIsNoLongerGood() {
        start(Duration.ofMinutes(10));
        MutableClock clientClock = new MutableClock(T0); // the client believes its token is fresh
        ZiikClient ziik = client(clientClock, d -> { }, sim.config().adminPassword());
        ziik.roles();
        simClock.advance(Duration.ofHours(2)); // Ziik thinks otherwise
        assertThat(ziik.roles()).isNotEmpty();
        assertThat(sim.requestLog().count("POST", "/api/authenticate")).isEqualTo(2);
    }

    @Test
    void waitsOutRateLimitsAsZiikAsks() {
        start(Duration.ofHours(1));
        List<Duration> waits = new ArrayList<>();
        ZiikClient ziik = client(simClock, wait -> {
            waits.add(wait);
            sim.setFaults(Faults.none()); // the limit lifts while we wait
        }, sim.config().adminPassword());
        ziik.roles();
        sim.setFaults(Faults.none().withRateLimit(0.01, 1));
        ziik.roles(); // the one token left
        assertThat(ziik.roles()).isNotEmpty();
        assertThat(waits).singleElement().satisfies(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void givesUpOnARateLimitThatNeverLifts() {
        start(Duration.ofHours(1));
        List<Duration> waits = new ArrayList<>();
        ZiikClient ziik = client(simClock, waits::add, sim.config().adminPassword());
        ziik.roles();
        sim.setFaults(Faults.none().withRateLimit(0.01, 1));
        ziik.roles();
        assertThatThrownBy(ziik::roles).isInstanceOfSatisfying(ZiikRateLimitedException.class,
                e -> assertThat(e.transientFailure()).isTrue());
        assertThat(waits).hasSize(ZiikClientPolicy.defaults().rateLimitRetries());
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreTransient() {
        start(Duration.ofHours(1));
        ZiikClient ziik = client();
        ziik.roles();
        sim.setFaults(Faults.none().withErrorRate(1.0));
        assertThatThrownBy(ziik::roles).isInstanceOfSatisfying(ZiikUnavailableException.class,
                e -> assertThat(e.transientFailure()).isTrue());
        sim.setFaults(Faults.none().withTimeouts(1.0, 10));
        assertThatThrownBy(ziik::roles).isInstanceOf(ZiikUnavailableException.class);
    }

    @Test
    void deletedAndUnknownUsersAreEmpty() {
        start(Duration.ofHours(1));
        ZiikOrganisation org = sim.organisation();
        int ann = org.createUser(NewUser.of("Ann", "Berg", "ann@example.com", Membership.of(org.topUnitId())).withLanguage("da"));
        ZiikClient ziik = client();
        assertThat(ziik.user(ann)).isPresent();
        org.deleteUser(ann);
        assertThat(ziik.user(ann)).isEmpty(); // 410
        assertThat(ziik.user(987_654)).isEmpty(); // 404
        assertThatThrownBy(() -> ziik.unit(987_654)).isInstanceOfSatisfying(ZiikNotFoundException.class,
                e -> assertThat(e.gone()).isFalse());
    }

    @Test
    void webhooksAreCreatedListedAndDeleted() {
        start(Duration.ofHours(1));
        ZiikClient ziik = client();
        ZiikWebhook hook = ziik.createWebhook("ziiklb user.update", "http://127.0.0.1:9/hooks/ziik/i/s?event=user.update",
                List.of("user.update"));
        assertThat(hook.triggers()).containsExactly("user.update");
        assertThat(ziik.webhooks()).extracting(ZiikWebhook::id).containsExactly(hook.id());
        ziik.deleteWebhook(hook.id());
        ziik.deleteWebhook(hook.id()); // already gone is fine
        assertThat(ziik.webhooks()).isEmpty();
        assertThatThrownBy(() -> ziik.createWebhook("bad", "http://127.0.0.1:9/x", List.of("role.update")))
                .isInstanceOf(ZiikRejectedException.class);
    }
}
