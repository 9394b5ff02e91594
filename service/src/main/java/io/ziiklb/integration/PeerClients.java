package io.ziiklb.integration;

import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.Sleeper;
import io.ziiklb.learningbank.LbCredentials;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikClientPolicy;
import java.time.Clock;

/** Makes each integration's clients; the HTTP connection pools are shared by all integrations. */
public final class PeerClients {
    private final PeerHttp ziikHttp;
    private final PeerHttp learningbankHttp;
    private final Clock clock;
    private final Sleeper sleeper;

    public PeerClients(PeerHttp ziikHttp, PeerHttp learningbankHttp, Clock clock, Sleeper sleeper) {
        this.ziikHttp = ziikHttp;
        this.learningbankHttp = learningbankHttp;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public ZiikClient ziik(String baseUrl, String username, String password) {
        return new ZiikClient(ziikHttp, baseUrl, username, password, clock, sleeper, ZiikClientPolicy.defaults());
    }

    public ZiikClient ziik(Integration i, IntegrationSecrets s) {
        return ziik(i.ziikBaseUrl(), i.ziikUsername(), s.ziikPassword());
    }

    public LearningbankClient learningbank(LbCredentials credentials) {
        return learningbank(credentials, LearningbankClient.DEFAULT_IN_FLIGHT);
    }

    /** @param maxInFlight Learningbank calls in flight at once for this integration */
    public LearningbankClient learningbank(LbCredentials credentials, int maxInFlight) {
        return new LearningbankClient(learningbankHttp, credentials, clock, maxInFlight);
    }

    public LearningbankClient learningbank(Integration i, IntegrationSecrets s, int maxInFlight) {
        return learningbank(new LbCredentials(i.learningbankBaseUrl(), i.learningbankUsername(),
                s.learningbankPassword(), s.learningbankToken()), maxInFlight);
    }
}
