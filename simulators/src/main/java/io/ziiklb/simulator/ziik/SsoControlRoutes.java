package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimResponse;
import java.util.Map;

/**
 * Turns Ziik's automatic sign-in to Learningbank on and off, HTTP twins of
 * {@link ZiikSimulator#sso} and {@link ZiikSimulator#ssoOff()} (no auth, no faults, not logged;
 * invalid input 422 as on {@link OrgControlRoutes}):
 * <pre>
 * PUT    /_sim/sso {"launchUrl", "secret", "platformUrl"} → 200 {"on": true, "launchUrl", "platformUrl"}
 * DELETE /_sim/sso                                       → 204
 * GET    /_sim/sso                                       → 200 {"on", "launchUrl"?, "platformUrl"?} (never the secret)
 * </pre>
 */
final class SsoControlRoutes {
    private final SsoSwitch sso;

    SsoControlRoutes(SsoSwitch sso) {
        this.sso = sso;
    }

    void register(SimHttpServer server) {
        OrgControlRoutes.route(server, "PUT", "/_sim/sso", r -> {
            BodyFields body = BodyFields.of(r);
            sso.turnOn(new SsoSettings(body.text("launchUrl"), body.text("secret"), body.text("platformUrl")));
            return SimResponse.json(200, describe());
        });
        OrgControlRoutes.route(server, "DELETE", "/_sim/sso", r -> {
            sso.turnOff();
            return SimResponse.noContent();
        });
        OrgControlRoutes.route(server, "GET", "/_sim/sso", r -> SimResponse.json(200, describe()));
    }

    private Map<String, Object> describe() {
        return sso.on().map(s -> object("on", true, "launchUrl", s.launchUrl(), "platformUrl", s.platformUrl()))
                .orElseGet(() -> object("on", false));
    }
}
