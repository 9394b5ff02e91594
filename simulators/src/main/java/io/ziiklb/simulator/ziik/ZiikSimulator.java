package io.ziiklb.simulator.ziik;

import io.ziiklb.simulator.http.FaultTiming;
import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.http.RequestLog;
import io.ziiklb.simulator.http.SimHttpServer;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * A simulated Ziik tenant: the API of {@code specs/ziik-api.md} at {@link #baseUrl()}, webhook
 * deliveries to registered webhooks, and control over both, in process
 * ({@link #organisation()}, {@link #setDeliveries(DeliverySwitches)}, {@link #setFaults(Faults)})
 * and over HTTP: the {@code /_sim/...} routes documented on {@code OrgControlRoutes} (units, roles,
 * users, memberships, generate, summary), {@code PeopleControlRoutes} (passwords, admin flags,
 * seeded people), {@code DeliveryControlRoutes} (switches, log, idle), {@code SsoControlRoutes}
 * (automatic sign-in on and off), {@code HomePageRoutes} (a user's Ziik home page and the launch
 * of its Learningbank links) and {@link SimHttpServer} (faults, request log). Starts in milliseconds on 127.0.0.1; close it to stop serving and sending.
 *
 * <p>Who signs in: the integration's account ({@link Config#adminEmail()}, an administrator) and
 * any user given a password with {@link ZiikOrganisation#setPassword}; {@link #seedPeople()} adds
 * an administrator and an employee with passwords and returns their credentials:
 * <pre>
 * SeededPeople people = sim.seedPeople();
 * people.administrator().email(), people.administrator().password()   // admin: true
 * people.employee().email(), people.employee().password()             // admin: false
 * </pre>
 * Tokens belong to the user who signed in: {@code GET /users/current} answers that user, and the
 * administrators' routes (webhooks, quicklinks) answer 403 to anyone else. Quicklinks created
 * through the API are readable in process with {@link #quicklinks()}.
 *
 * <p>Automatic sign-in, the partner side ({@code ziik-api.md}): {@link #sso} turns it on,
 * {@link #appUrl(int)} is a user's home page, whose Learningbank links lead through
 * {@link #openUrl(int, String)} to {@code <launchUrl>?target=...&token=<launch token>}:
 * <pre>
 * sim.sso(service + "/sso/" + integrationId + "/launch", ssoSecret, learningbank.platformUrl());
 * GET sim.openUrl(employeeId, learningbank.platformUrl() + "/courses/42?tab=intro")   // 302 to the launch
 * </pre>
 */
public final class ZiikSimulator implements AutoCloseable {
    private final Config config;
    private final SimHttpServer server;
    private final ZiikOrganisation organisation;
    private final DeliveryDispatcher dispatcher;
    private final Quicklinks quicklinks = new Quicklinks();
    private final SsoSwitch sso = new SsoSwitch();
    private final HttpClient deliveryClient;

    /**
     * @param port           0 for any free port
     * @param adminEmail     the integration's admin account, the only one that can sign in
     * @param adminPassword  its password
     * @param sharedSecret   keys the {@code X-Ziik-Signature} HMAC of every delivery
     * @param tokenTtl       how long a token from {@code /authenticate} or {@code /renew} lives, by {@code clock}
     * @param seed           seeds fault, drop, duplicate and shuffle decisions (not tokens)
     * @param clock          token expiry and delivery-log times; a test moves it instead of sleeping
     */
    public record Config(int port, String adminEmail, String adminPassword, String sharedSecret,
                         Duration tokenTtl, long seed, Clock clock) {

        public Config {
            Objects.requireNonNull(adminEmail, "adminEmail");
            Objects.requireNonNull(adminPassword, "adminPassword");
            Objects.requireNonNull(sharedSecret, "sharedSecret");
            Objects.requireNonNull(clock, "clock");
            if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
                throw new IllegalArgumentException("tokenTtl must be positive");
            }
        }

        /** Port 0, integration@ziik.test / ziik-secret, shared secret ziik-shared-secret, 1 h tokens, seed 1, UTC system clock. */
        public static Config defaults() {
            return new Config(0, "integration@ziik.test", "ziik-secret", "ziik-shared-secret", Duration.ofHours(1), 1,
                    Clock.systemUTC());
        }

        public Config withPort(int newPort) {
            return new Config(newPort, adminEmail, adminPassword, sharedSecret, tokenTtl, seed, clock);
        }

        public Config withAdmin(String email, String password) {
            return new Config(port, email, password, sharedSecret, tokenTtl, seed, clock);
        }

        public Config withSharedSecret(String secret) {
            return new Config(port, adminEmail, adminPassword, secret, tokenTtl, seed, clock);
        }

        public Config withTokenTtl(Duration ttl) {
            return new Config(port, adminEmail, adminPassword, sharedSecret, ttl, seed, clock);
        }

        public Config withSeed(long newSeed) {
            return new Config(port, adminEmail, adminPassword, sharedSecret, tokenTtl, newSeed, clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(port, adminEmail, adminPassword, sharedSecret, tokenTtl, seed, newClock);
        }
    }

    private ZiikSimulator(Config config) {
        this.config = config;
        this.server = new SimHttpServer(new LaravelErrors(), config.seed());
        // HTTP/1.1 as webhook senders use: the JDK's default HTTP/2 would try an h2c upgrade on
        // each POST, which some receiving servers mishandle
        this.deliveryClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        // a seed of its own, so API fault rolls do not shift which deliveries drop
        this.dispatcher = new DeliveryDispatcher(deliveryClient, config.sharedSecret(), new Random(~config.seed()), config.clock());
        Webhooks webhooks = new Webhooks();
        this.organisation = new ZiikOrganisation(config.adminEmail(), new WebhookFanout(webhooks, dispatcher));
        organisation.setPassword(organisation.adminUserId(), config.adminPassword());
        SignInChecks signIns = new SignInChecks(organisation);
        Tokens tokens = new Tokens(config.clock(), config.tokenTtl(), new SecureRandom(), signIns::mayUseApi, signIns::isAdmin);
        new AuthRoutes(tokens, signIns).register(server);
        new UserRoutes(organisation, tokens, server::origin).register(server);
        new UnitRoutes(organisation, tokens, server::origin).register(server);
        new UsertypeRoutes(organisation, tokens).register(server);
        new WebhookRoutes(webhooks, organisation, tokens, server::origin).register(server);
        new QuicklinkRoutes(quicklinks, organisation, tokens, server::origin).register(server);
        new OrgControlRoutes(organisation).register(server);
        new PeopleControlRoutes(organisation).register(server);
        new DeliveryControlRoutes(dispatcher).register(server);
        new SsoControlRoutes(sso).register(server);
        new HomePageRoutes(organisation, quicklinks, sso, new LaunchTokenMinter(config.clock(), new SecureRandom()),
                server::origin).register(server);
    }

    /** Starts a simulator with an organisation holding only the top unit and the admin account. */
    public static ZiikSimulator start(Config config) {
        ZiikSimulator simulator = new ZiikSimulator(config);
        simulator.server.start(config.port());
        return simulator;
    }

    public Config config() {
        return config;
    }

    /** {@code http://127.0.0.1:PORT/api} */
    public String baseUrl() {
        return server.origin() + "/api";
    }

    public int port() {
        return server.port();
    }

    /** API calls received (control routes are not logged). */
    public RequestLog requestLog() {
        return server.requestLog();
    }

    public Faults faults() {
        return server.faults();
    }

    /** How many API calls each fault switch has hit so far. */
    public io.ziiklb.simulator.http.InjectedFaults injectedFaults() {
        return server.injectedFaults();
    }

    /** Latency, 429 with Retry-After, 5xx, timeouts and lost responses for the API routes. */
    public void setFaults(Faults faults) {
        server.setFaults(faults);
    }

    /**
     * The time the API's fault switches and the deliveries' delay switch use (sleeps, the rate
     * limit's refill, when a delayed delivery is due); tests hand-move it. Set it before
     * {@link #setFaults}, which starts the rate limit's bucket.
     */
    public void setFaultTiming(FaultTiming timing) {
        server.setFaultTiming(timing);
        dispatcher.setTiming(timing);
    }

    public ZiikOrganisation organisation() {
        return organisation;
    }

    /**
     * Adds a Ziik administrator and an ordinary employee who can sign in with their own email and
     * password ({@code POST /authenticate}), and returns their credentials; idempotent. Also
     * {@code POST /_sim/people}. The standalone simulator does this at start and prints them.
     */
    public SeededPeople seedPeople() {
        return SeededPeople.seed(organisation);
    }

    /** The quicklinks created through the API so far, in id order. */
    public List<Quicklink> quicklinks() {
        return quicklinks.all();
    }

    /**
     * Turns Ziik's automatic sign-in to Learningbank on (again, with these settings); also
     * {@code PUT /_sim/sso}. From now on the links to {@code platformUrl} on the home pages
     * ({@link #appUrl(int)}) go through the launch with a fresh launch token.
     *
     * @param launchUrl   the service's launch address, {@code <service>/sso/<integration id>/launch}
     * @param secret      the SSO secret the tokens are signed with (HS256; at least 32 UTF-8 bytes)
     * @param platformUrl the Learningbank platform, e.g. the Learningbank simulator's origin
     * @throws IllegalArgumentException for addresses that are not full http(s) URLs or a short secret
     */
    public void sso(String launchUrl, String secret, String platformUrl) {
        sso.turnOn(new SsoSettings(launchUrl, secret, platformUrl));
    }

    /** Turns automatic sign-in off: the home pages show plain links and a note. Also {@code DELETE /_sim/sso}. */
    public void ssoOff() {
        sso.turnOff();
    }

    /** The settings while automatic sign-in is on. */
    public Optional<SsoSettings> ssoSettings() {
        return sso.on();
    }

    /** {@code http://127.0.0.1:PORT/_sim/app/<userId>}: the user's Ziik home page, see {@code HomePageRoutes}. */
    public String appUrl(int userId) {
        return server.origin() + "/_sim/app/" + userId;
    }

    /**
     * The address behind a platform link of {@code userId}'s home page, as a click follows it:
     * {@code GET} it (without following redirects) for the 302 to the launch with a fresh token.
     */
    public String openUrl(int userId, String platformAddress) {
        return appUrl(userId) + "/open?url=" + URLEncoder.encode(platformAddress, StandardCharsets.UTF_8);
    }

    public DeliverySwitches deliveries() {
        return dispatcher.switches();
    }

    /** Applies to deliveries sent from now on (the delay: to changes made from now on). */
    public void setDeliveries(DeliverySwitches switches) {
        dispatcher.setSwitches(Objects.requireNonNull(switches));
    }

    /** Deliveries sent or dropped so far, oldest first (the last 10,000). */
    public List<Delivery> deliveryLog() {
        return dispatcher.log();
    }

    /** What the deliveries have met so far: sent, failed, dropped, duplicated, reordered. */
    public DeliveryCounts deliveryCounts() {
        return dispatcher.counts();
    }

    public void clearDeliveryLog() {
        dispatcher.clearLog();
    }

    /**
     * Waits until every delivery fired so far has been sent or dropped.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitDeliveriesIdle(Duration timeout) {
        try {
            return dispatcher.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops serving and sending; deliveries not yet sent are discarded. */
    @Override
    public void close() {
        server.close();
        dispatcher.close();
        deliveryClient.shutdownNow(); // close() would wait for a send to a hanging receiver
    }
}
