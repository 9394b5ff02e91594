package io.ziiklb.sso;

import io.ziiklb.integration.Connections;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationStore;
import io.ziiklb.learningbank.LbUser;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.learningbank.LearningbankConflictException;
import io.ziiklb.learningbank.LearningbankException;
import io.ziiklb.learningbank.LearningbankNotFoundException;
import io.ziiklb.sync.LinkStore;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;

/**
 * The part of a launch after the person is known: their linked Learningbank user (synchronised on
 * the spot when there is none yet), active, gets a one-time login link for the path, and the
 * browser is sent there. Also what a launch needs of the integration: its clients, its signing
 * secret and the platform's address (kept a few minutes, so that a launch costs Learningbank one
 * call: the login link).
 */
final class Launcher {
    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
    private static final Duration KEEP_PLATFORM = Duration.ofMinutes(5);

    /** What one launch works with. */
    record Session(LearningbankClient learningbank, LinkStore links, String secret, String platformUrl) {
    }

    private record Platform(String url, Instant readAt) {
    }

    private final Connections connections;
    private final IntegrationStore integrations;
    private final LaunchTokens tokens;
    private final RememberedSignIns remembered;
    private final OnTheSpot onTheSpot;
    private final Clock clock;
    private final Map<String, Platform> platforms = new ConcurrentHashMap<>();

    Launcher(Connections connections, IntegrationStore integrations, LaunchTokens tokens, RememberedSignIns remembered,
             OnTheSpot onTheSpot, Clock clock) {
        this.connections = connections;
        this.integrations = integrations;
        this.tokens = tokens;
        this.remembered = remembered;
        this.onTheSpot = onTheSpot;
        this.clock = clock;
    }

    LaunchTokens tokens() {
        return tokens;
    }

    RememberedSignIns remembered() {
        return remembered;
    }

    Session open(Integration integration) {
        Connections.Connected connected = connections.open(integration);
        String secret = integrations.secrets(integration.id()).ssoSecret();
        Instant now = clock.instant();
        Platform platform = platforms.compute(integration.id(), (id, kept) -> kept != null && kept.readAt().plus(KEEP_PLATFORM).isAfter(now)
                ? kept : new Platform(connected.learningbank().settings().platformUrl(), now));
        return new Session(connected.learningbank(), connected.links(), secret, platform.url());
    }

    String signIn(Integration integration, Session session, long ziikUserId, String path, HttpServletResponse response,
                  Model model) throws InterruptedException {
        Optional<String> linked = session.links().user(ziikUserId);
        if (linked.isEmpty()) {
            linked = onTheSpot.provision(integration, session.links(), ziikUserId);
        }
        if (linked.isEmpty()) {
            LOG.info("launch of integration {} for Ziik user {}: not in Learningbank", integration.id(), ziikUserId);
            return LaunchController.page(SsoPage.NOT_SYNCHRONISED, response, model);
        }
        try {
            LbUser user = session.learningbank().user(linked.get());
            if (!user.active()) {
                return deactivated(integration, ziikUserId, response, model);
            }
            String url = session.learningbank().createLoginLink(user.id(), path).url();
            LOG.info("launch of integration {}: Ziik user {} signed in to Learningbank", integration.id(), ziikUserId);
            return "redirect:" + url;
        } catch (LearningbankConflictException inactive) {
            return deactivated(integration, ziikUserId, response, model);
        } catch (LearningbankNotFoundException gone) {
            return LaunchController.page(SsoPage.NOT_SYNCHRONISED, response, model);
        } catch (LearningbankException e) {
            LOG.info("launch of integration {} failed: Learningbank did not make a login link", integration.id());
            return LaunchController.page(SsoPage.UNREACHABLE, response, model);
        }
    }

    private static String deactivated(Integration integration, long ziikUserId, HttpServletResponse response, Model model) {
        LOG.info("launch of integration {} refused: Ziik user {} is deactivated in Learningbank", integration.id(), ziikUserId);
        return LaunchController.page(SsoPage.DEACTIVATED, response, model);
    }
}
