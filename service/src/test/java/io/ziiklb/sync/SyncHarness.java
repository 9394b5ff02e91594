package io.ziiklb.sync;

import io.ziiklb.http.AllowedPeers;
import io.ziiklb.http.PeerHttp;
import io.ziiklb.learningbank.LbCredentials;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikClientPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/** Both simulators in process, the real clients over HTTP, and the engine between them. */
final class SyncHarness implements AutoCloseable {
    final ZiikSimulator ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
    final LearningbankSimulator learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
    final LinkStore links = new InMemoryLinkStore();
    SyncSettings settings = SyncSettings.defaults();
    ExecutionPolicy policy = ExecutionPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(20));
    private final PeerHttp http = PeerHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(2), AllowedPeers.loopback());
    private final long seed;
    /** Waits, but never long: the simulators' Retry-After is whole seconds. */
    private static final io.ziiklb.http.Sleeper SLEEP = d -> Thread.sleep(Math.min(d.toMillis(), 50));

    SyncHarness(long seed) {
        this.seed = seed;
    }

    ZiikClient ziikClient() {
        ZiikSimulator.Config c = ziik.config();
        return new ZiikClient(http, ziik.baseUrl(), c.adminEmail(), c.adminPassword(), Clock.systemUTC(),
                SLEEP, ZiikClientPolicy.defaults());
    }

    LearningbankClient learningbankClient() {
        LearningbankSimulator.Config c = LearningbankSimulator.Config.defaults();
        return new LearningbankClient(http, new LbCredentials(learningbank.baseUrl(), c.username(), c.password(), c.token()),
                Clock.systemUTC());
    }

    SnapshotReader reader() {
        return new SnapshotReader(8, policy, SLEEP, new Random(seed));
    }

    FullSync fullSync() {
        return new FullSync(context(new Timing(Clock.systemUTC(), SLEEP, new Random(seed))), reader());
    }

    /** The engine's context over both simulators and these links, with {@code timing}. */
    SyncContext context(Timing timing) {
        return new SyncContext(ziikClient(), learningbankClient(), links, policy, timing, WriteGate.alwaysOpen());
    }

    /** The system clock, a sleeper that returns at once, and randomness from {@code random}. */
    static Timing noSleep(java.util.random.RandomGenerator random) {
        return new Timing(Clock.systemUTC(), d -> { }, random);
    }

    FullSync.Result sync() {
        try {
            return fullSync().run(settings, (phase, done, total) -> { }, result -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What Learningbank holds now, as the simulator stores it. */
    io.ziiklb.simulator.learningbank.LearningbankState.Snapshot learningbankNow() {
        return learningbank.state().snapshot();
    }

    /**
     * The oracle for what Learningbank holds now, judged against Ziik's own rows and the current
     * settings and links; {@code original} is Learningbank before the first synchronisation,
     * {@code previous} just before the synchronisation being judged.
     */
    SyncOracle oracle(io.ziiklb.simulator.learningbank.LearningbankState.Snapshot original,
                      io.ziiklb.simulator.learningbank.LearningbankState.Snapshot previous, RandomOrganisation org) {
        return new SyncOracle(ziik.organisation().view(), original, previous, learningbankNow(), settings)
                .links(links.snapshot()).firstContact(org.firstContact()).roleNames(org.roleNames());
    }

    /** How many writes Learningbank's request log counts while {@code work} runs. */
    long writesDuring(Work work) throws Exception {
        learningbank.requestLog().reset();
        work.run();
        return learningbank.requestLog().writes();
    }

    /** Something that writes to Learningbank. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** Everything a full synchronisation's plan and run recorded against objects. */
    static java.util.List<Problem> recorded(FullSync.Result result) {
        java.util.List<Problem> all = new java.util.ArrayList<>(result.plan().problems());
        all.addAll(result.report().problems());
        return all;
    }

    @Override
    public void close() {
        ziik.close();
        learningbank.close();
    }
}
