package io.ziiklb.integration;

import io.ziiklb.http.ApiProblem;
import io.ziiklb.learningbank.LbCredentials;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.learningbank.LearningbankUnauthorizedException;
import io.ziiklb.ziik.ZiikAccount;
import io.ziiklb.ziik.ZiikAuthenticationException;
import io.ziiklb.ziik.ZiikException;
import java.util.List;
import java.util.Map;

/**
 * Rule L1: both sets of credentials are tried live before anything is saved. A refusal is a 422
 * whose {@code fields} name the system that refused ({@code ziik} or {@code learningbank}) and why.
 */
public final class CredentialCheck {
    private final PeerClients clients;

    public CredentialCheck(PeerClients clients) {
        this.clients = clients;
    }

    public void ziik(Credentials.Ziik z) {
        ZiikAccount account;
        try {
            account = clients.ziik(z.baseUrl(), z.username(), z.password()).currentAccount();
        } catch (ZiikAuthenticationException e) {
            throw refused("ziik", "Ziik refused the username or password");
        } catch (ZiikException e) {
            throw refused("ziik", "Ziik could not be reached or answered wrongly: " + e.getMessage());
        }
        if (!account.admin()) {
            throw refused("ziik", "the Ziik account " + z.username() + " is not an administrator");
        }
    }

    public void learningbank(Credentials.Learningbank lb) {
        try {
            clients.learningbank(new LbCredentials(lb.baseUrl(), lb.username(), lb.password(), lb.token())).settings();
        } catch (LearningbankUnauthorizedException e) {
            throw refused("learningbank", "Learningbank refused the API key (username, password or token)");
        } catch (LearningbankException e) {
            throw refused("learningbank", "Learningbank could not be reached or answered wrongly: " + e.getMessage());
        }
    }

    private static ApiProblem refused(String system, String why) {
        return new ApiProblem(422, "credentials_rejected", why, Map.of(system, List.of(why)));
    }
}
