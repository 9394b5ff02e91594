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
 * whose {@code fields} name the system that refused ({@code ziik} or {@code learningbank}) and why:
 * {@code credentials_rejected} when the peer answered and refused them, {@code unreachable} for
 * everything else. That second message is the same whatever was (or was not) at the address: a
 * closed port, a host {@code ZIIKLB_ALLOWED_PEERS} does not allow, or another service's banner
 * all read alike, so the check cannot be used to scan the service's network.
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
            throw unreachable("ziik", "Ziik could not be reached at " + z.baseUrl().trim()
                    + ", or what answered there is not Ziik's API");
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
            throw unreachable("learningbank", "Learningbank could not be reached at " + lb.baseUrl().trim()
                    + ", or what answered there is not Learningbank's API");
        }
    }

    private static ApiProblem refused(String system, String why) {
        return new ApiProblem(422, "credentials_rejected", why, Map.of(system, List.of(why)));
    }

    private static ApiProblem unreachable(String system, String why) {
        return new ApiProblem(422, "unreachable", why, Map.of(system, List.of(why)));
    }
}
