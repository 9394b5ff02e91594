package io.ziiklb.integration;

import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.RatePacer;
import io.ziiklb.http.Sleeper;
import io.ziiklb.learningbank.LbCredentials;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikClientPolicy;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the clients. An integration's clients are kept while its credentials stay the same, so
 * its Ziik token is reused and its Learningbank calls share one bound on calls in flight, whatever
 * runs for it (a full sync, live reconciles); each kept client also keeps its {@link RatePacer}, so
 * the rate learnt from a peer's 429s is per integration and per peer, and shared by everything that
 * calls that peer for the integration. The HTTP connection pools are shared by all.
 */
public final class PeerClients {
    /** An integration's clients are for these credentials. */
    private record Account(String integrationId, String baseUrl, String username, String password, String token,
                           int maxInFlight) {
    }
    private final PeerHttp ziikHttp;
    private final PeerHttp learningbankHttp;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<Account, ZiikClient> ziikClients = new ConcurrentHashMap<>();
    private final Map<Account, LearningbankClient> learningbankClients = new ConcurrentHashMap<>();

    public PeerClients(PeerHttp ziikHttp, PeerHttp learningbankHttp, Clock clock, Sleeper sleeper) {
        this.ziikHttp = ziikHttp;
        this.learningbankHttp = learningbankHttp;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public ZiikClient ziik(String baseUrl, String username, String password) {
        return new ZiikClient(ziikHttp, baseUrl, username, password, clock, sleeper, ZiikClientPolicy.defaults());
    }

    /** The integration's Ziik client, kept while its credentials stay the same. */
    public ZiikClient ziik(Integration i, IntegrationSecrets s) {
        Account account = new Account(i.id(), i.ziikBaseUrl(), i.ziikUsername(), s.ziikPassword(), null, 0);
        return ziikClients.computeIfAbsent(account, a -> ziik(a.baseUrl(), a.username(), a.password()));
    }

    public LearningbankClient learningbank(LbCredentials credentials) {
        return learningbank(credentials, LearningbankClient.DEFAULT_IN_FLIGHT);
    }

    /** @param maxInFlight Learningbank calls in flight at once for this integration */
    public LearningbankClient learningbank(LbCredentials credentials, int maxInFlight) {
        return new LearningbankClient(learningbankHttp, credentials, clock, maxInFlight, RatePacer.learning(clock, sleeper));
    }

    /** The integration's Learningbank client, kept while its credentials stay the same. */
    public LearningbankClient learningbank(Integration i, IntegrationSecrets s, int maxInFlight) {
        Account account = new Account(i.id(), i.learningbankBaseUrl(), i.learningbankUsername(), s.learningbankPassword(),
                s.learningbankToken(), maxInFlight);
        return learningbankClients.computeIfAbsent(account, a -> learningbank(
                new LbCredentials(a.baseUrl(), a.username(), a.password(), a.token()), a.maxInFlight()));
    }

    /** Drops the integration's kept clients (its credentials changed, or it was removed). */
    public void forget(String integrationId) {
        ziikClients.keySet().removeIf(a -> a.integrationId().equals(integrationId));
        learningbankClients.keySet().removeIf(a -> a.integrationId().equals(integrationId));
    }
}
