package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.FaultTiming;
import io.ziiklb.simulator.http.Faults;
import io.ziiklb.simulator.http.RequestLog;
import io.ziiklb.simulator.http.SimHttpServer;
import java.time.Clock;
import java.util.Objects;

/**
 * A simulated Learningbank platform serving {@code specs/learningbank-api.md} on 127.0.0.1:
 * the API under {@link #baseUrl()}, the automatic-login ticket URL and the platform pages under
 * {@link #platformUrl()}, and the control routes {@code /_sim/state}, {@code /_sim/seed},
 * {@code /_sim/reset}, {@code /_sim/requests} and {@code /_sim/faults}.
 *
 * <p>Decisions the contract leaves open: login links answer 201; {@code per_page} above 200 is
 * clamped to 200 while a {@code page} or {@code per_page} that is not a positive integer is a 400;
 * a page past the last is an empty {@code data} with the true {@code meta}; {@code last_page} is at
 * least 1. JSON {@code null} is accepted only for nullable fields ({@code external_id},
 * {@code job_profile_id}); elsewhere it is a 422 for that field.
 */
public final class LearningbankSimulator implements AutoCloseable {

    /**
     * How to start a simulator.
     *
     * @param port  0 for any free port
     * @param seed  seeds the fault dice and the login/session tokens, so runs repeat
     * @param clock timestamps, login-link expiry
     */
    public record Config(int port, String username, String password, String token, long seed, Clock clock) {

        public Config {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(clock, "clock");
        }

        /** Port 0, username {@code lb-api}, password {@code lb-secret}, token {@code lb-token}, seed 1, UTC system clock. */
        public static Config defaults() {
            return new Config(0, "lb-api", "lb-secret", "lb-token", 1, Clock.systemUTC());
        }

        public Config withPort(int newPort) {
            return new Config(newPort, username, password, token, seed, clock);
        }

        public Config withCredentials(String newUsername, String newPassword, String newToken) {
            return new Config(port, newUsername, newPassword, newToken, seed, clock);
        }

        public Config withSeed(long newSeed) {
            return new Config(port, username, password, token, newSeed, clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(port, username, password, token, seed, newClock);
        }
    }

    private final SimHttpServer server;
    private final LearningbankState state;
    private final LoginTickets tickets;
    private final Sessions sessions;
    private final WriteJournal journal = new WriteJournal();
    private final LostResponses lostResponses = new LostResponses();

    private LearningbankSimulator(Config config) {
        this.state = new LearningbankState(config.clock());
        RandomTokens tokens = new RandomTokens(config.seed());
        this.tickets = new LoginTickets(config.clock(), tokens);
        this.sessions = new Sessions(tokens);
        this.server = new SimHttpServer(LearningbankErrors::render, config.seed());
        Api api = new Api(server, new Auth(config.username(), config.password(), config.token()), journal, lostResponses);
        new PlatformRoutes(state, this::platformUrl).register(api);
        new DepartmentRoutes(state).register(api);
        new PermissionTypeRoutes(state).register(api);
        new UserRoutes(state).register(api);
        new ControlRoutes(state, this::platformUrl, this::reset).register(server);
        // last: it adds the catch-all page route
        new SignInRoutes(state, tickets, sessions, this::platformUrl).register(api, server);
    }

    /** Starts listening on 127.0.0.1 at {@code config.port()}, on a fresh platform. */
    public static LearningbankSimulator start(Config config) {
        LearningbankSimulator simulator = new LearningbankSimulator(config);
        simulator.server.start(config.port());
        return simulator;
    }

    /** {@code http://127.0.0.1:PORT/api/v1} */
    public String baseUrl() {
        return platformUrl() + Api.BASE;
    }

    /** {@code http://127.0.0.1:PORT}: where login links and platform pages live. */
    public String platformUrl() {
        return server.origin();
    }

    public int port() {
        return server.port();
    }

    public RequestLog requestLog() {
        return server.requestLog();
    }

    /** The writes that reached the platform, in order, with their bodies (see {@link WriteJournal}). */
    public WriteJournal journal() {
        return journal;
    }

    /** Loses the answers of exactly the calls a test names (see {@link LostResponses}). */
    public LostResponses lostResponses() {
        return lostResponses;
    }

    public Faults faults() {
        return server.faults();
    }

    /** How many API calls each fault switch has hit so far. */
    public io.ziiklb.simulator.http.InjectedFaults injectedFaults() {
        return server.injectedFaults();
    }

    public void setFaults(Faults faults) {
        server.setFaults(faults);
    }

    /** The time the fault switches sleep on and refill the rate limit by; tests hand-move it. Set it before {@link #setFaults}. */
    public void setFaultTiming(FaultTiming timing) {
        server.setFaultTiming(timing);
    }

    public LearningbankState state() {
        return state;
    }

    /**
     * Back to a new platform (ids start again), forgetting login tickets and sessions too. The
     * request log and the fault switches stay; they have their own control routes.
     */
    public void reset() {
        state.reset();
        tickets.clear();
        sessions.clear();
    }

    @Override
    public void close() {
        server.close();
    }
}
