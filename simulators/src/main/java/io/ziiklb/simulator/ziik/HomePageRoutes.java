package io.ziiklb.simulator.ziik;

import io.ziiklb.simulator.http.SimHttpServer;
import io.ziiklb.simulator.http.SimRequest;
import io.ziiklb.simulator.http.SimResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The Ziik app as a signed-in user's browser sees it, the partner side of automatic sign-in
 * ({@code ziik-api.md}). Control routes (no auth: the path names the user; no faults; not logged):
 * <pre>
 * GET /_sim/app/{userId}              → 200 the user's home page (HTML)
 * GET /_sim/app/{userId}/open?url=... → 302 Location: &lt;launchUrl&gt;?target=&lt;url, encoded&gt;&amp;token=&lt;launch token&gt;
 * </pre>
 * The home page shows the user's shortcuts and a chat thread. While automatic sign-in is on, every
 * link to the Learningbank platform (scheme, host and port equal to {@code platformUrl}'s) points
 * at {@code /open}, which mints a fresh token at the moment of the click; other links point where
 * they point, as Ziik leaves them.
 *
 * <p>The shortcuts: a quicklink's link is static (Ziik adds nothing to it), and the "Learningbank"
 * quicklink the service creates holds the launch URL itself. Ziik's own integration, though, signs
 * people in when they press the Learningbank shortcut, so <b>while automatic sign-in is on</b> the
 * page shows one shortcut named "Learningbank" that goes through {@code /open} with the platform's
 * start page ({@code platformUrl + "/"}) as the target; it stands in for a quicklink named
 * "Learningbank" (any case), which is then not listed a second time. Every other quicklink the user
 * may see (by its visibility, see {@link QuicklinkAudience}) is listed by its name, through
 * {@code /open} only when its link is on the platform. <b>While it is off</b> there is no launch at
 * all: quicklinks (the "Learningbank" one too) and chat links are plain links, and a note says
 * automatic sign-in is off; the chat's platform links use the platform last configured, and are
 * missing when none ever was.
 *
 * <p>Refusals are small HTML pages: unknown or anonymised user 404, deactivated user 403;
 * {@code /open} without {@code url} or with one not on the platform 400, with automatic sign-in
 * off 409.
 */
final class HomePageRoutes {
    static final String NOTE_OFF = "Automatic sign-in to Learningbank is off.";
    static final String NOTE_NOT_CONNECTED = "Learningbank is not connected to this Ziik.";

    private final ZiikOrganisation organisation;
    private final Quicklinks quicklinks;
    private final SsoSwitch sso;
    private final LaunchTokenMinter minter;
    private final Supplier<String> origin;

    /** A user who may open the app, and the quicklinks they see. */
    private record Viewer(int id, String name, List<Quicklink> quicklinks) {
    }

    /** A refusal, rendered as a small page. */
    private static final class PageProblem extends RuntimeException {
        private final int status;
        private final String heading;

        PageProblem(int status, String heading, String sentence) {
            super(sentence, null, false, false);
            this.status = status;
            this.heading = heading;
        }
    }

    HomePageRoutes(ZiikOrganisation organisation, Quicklinks quicklinks, SsoSwitch sso, LaunchTokenMinter minter,
                   Supplier<String> origin) {
        this.organisation = organisation;
        this.quicklinks = quicklinks;
        this.sso = sso;
        this.minter = minter;
        this.origin = origin;
    }

    void register(SimHttpServer server) {
        server.control("GET", "/_sim/app/{userId}", pages(this::home));
        server.control("GET", "/_sim/app/{userId}/open", pages(this::open));
    }

    private SimResponse home(SimRequest request) {
        Viewer viewer = viewer(request);
        Optional<SsoSettings> on = sso.on();
        List<HomePage.Link> shortcuts = new ArrayList<>();
        on.ifPresent(s -> shortcuts.add(new HomePage.Link(HomePage.SHORTCUT_NAME, s.platformAddress("/"))));
        viewer.quicklinks().stream()
                .filter(q -> on.isEmpty() || !q.name().equalsIgnoreCase(HomePage.SHORTCUT_NAME))
                .forEach(q -> shortcuts.add(new HomePage.Link(q.name(), q.link())));
        String platformUrl = sso.lastSettings().map(SsoSettings::platformUrl).orElse(null);
        String note = on.isPresent() ? null : platformUrl == null ? NOTE_NOT_CONNECTED : NOTE_OFF;
        UnaryOperator<String> href = address -> on.filter(s -> s.isOnPlatform(address))
                .map(s -> openAddress(viewer.id(), address)).orElse(address);
        return SimResponse.html(200, HomePage.render(viewer.name(), shortcuts, HomePage.chat(platformUrl), note, href))
                .withHeader("Cache-Control", "no-store");
    }

    private SimResponse open(SimRequest request) {
        SsoSettings settings = sso.on().orElseThrow(() -> new PageProblem(409, "Automatic sign-in is off",
                "Ziik does not sign you in to Learningbank now."));
        String url = request.queryParam("url").orElseThrow(() -> new PageProblem(400, "Nothing to open",
                "The link names no address."));
        if (!settings.isOnPlatform(url)) {
            throw new PageProblem(400, "Not a Learningbank address", "Only Learningbank links are opened with sign-in.");
        }
        Viewer viewer = viewer(request);
        String token = minter.mint(viewer.id(), settings.secret());
        String launch = settings.launchUrl() + (settings.launchUrl().contains("?") ? "&" : "?")
                + "target=" + encode(url) + "&token=" + encode(token);
        return SimResponse.redirect(launch).withHeader("Cache-Control", "no-store")
                .withHeader("Referrer-Policy", "no-referrer");
    }

    /** {@code <origin>/_sim/app/<userId>/open?url=<address, encoded>} */
    private String openAddress(int userId, String address) {
        return origin.get() + "/_sim/app/" + userId + "/open?url=" + encode(address);
    }

    private Viewer viewer(SimRequest request) {
        int id;
        try {
            id = Integer.parseInt(request.pathParam("userId"));
        } catch (NumberFormatException e) {
            throw new PageProblem(404, "No such person", "There is no Ziik user " + request.pathParam("userId") + ".");
        }
        List<Quicklink> all = quicklinks.all();
        Viewer viewer = organisation.read(state -> {
            UserRow user = state.user(id);
            if (user == null) {
                return null;
            }
            if (!user.active()) {
                throw new PageProblem(403, "Account deactivated", "This Ziik account is deactivated.");
            }
            return new Viewer(id, user.name(), all.stream().filter(q -> QuicklinkAudience.sees(state, user, q)).toList());
        });
        if (viewer == null) {
            throw new PageProblem(404, "No such person", "There is no Ziik user " + id + ".");
        }
        return viewer;
    }

    private static SimHttpServer.Handler pages(SimHttpServer.Handler handler) {
        return request -> {
            try {
                return handler.apply(request);
            } catch (PageProblem problem) {
                return SimResponse.html(problem.status, HomePage.problem(problem.heading, problem.getMessage()));
            }
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
