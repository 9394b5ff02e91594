package io.ziiklb.ziik;

import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.PeerResponse;
import io.ziiklb.http.RatePacer;
import io.ziiklb.http.Sleeper;
import io.ziiklb.http.Urls;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * One Ziik tenant, signed in as one account: the integration's administrator account, or a person
 * with their own Ziik email and password ({@link #currentAccount()} says who and whether an
 * administrator). Thread-safe.
 *
 * <p>Signs in on first use, renews the token before it expires, signs in again once when a call
 * answers 401, follows paging to the end, and waits out 429 answers (as {@code Retry-After} asks,
 * a bounded number of times). Every call, sign-in included, is paced by a {@link RatePacer} to the
 * rate Ziik's 429 answers teach: one client per integration, so one learnt rate per integration.
 * Everything else surfaces as a {@link ZiikException}: only
 * {@link ZiikUnavailableException} and {@link ZiikRateLimitedException} are worth retrying.
 */
public final class ZiikClient implements ZiikReads {
    private final PacedCalls calls;
    private final String baseUrl;
    private final String username;
    private final String password;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ZiikClientPolicy policy;
    private final Object tokenLock = new Object();
    private volatile ZiikToken token;

    public ZiikClient(PeerHttp http, String baseUrl, String username, String password,
                      Clock clock, Sleeper sleeper, ZiikClientPolicy policy) {
        this.baseUrl = Urls.trimBase(baseUrl);
        this.username = username;
        this.password = password;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
        this.calls = new PacedCalls(http, new RatePacer(clock, sleeper, policy.maxRateLimitWait()), clock,
                policy.maxRateLimitWait());
    }

    /** Signs in and reads the account: proves the credentials work and says whether it is an administrator. */
    public ZiikAccount currentAccount() {
        return ZiikJson.account(get("/users/current").path("data"));
    }

    /**
     * Every unit, the top unit included, each once, from one whole read ({@link WholeTree}). Asks for
     * the flattened tree, and also reads any nested {@code children}, so a tree answered nested is read whole.
     */
    public List<ZiikUnit> units() {
        return WholeTree.read(() -> {
            Map<Long, ZiikUnit> units = new java.util.LinkedHashMap<>();
            int total = LaravelPages.read(page -> call(HttpMethod.GET, url("/units/tree", page), null),
                    Map.of("all", "true", "flatten", "true"), policy.pageSize(), n -> n,
                    nodes -> nodes.forEach(node -> ZiikJson.unitWithChildren(node, units)));
            return new WholeTree.Read(List.copyOf(units.values()), total);
        });
    }

    /** @throws ZiikNotFoundException when the unit does not exist */
    public ZiikUnit unit(long id) {
        return ZiikJson.unit(get("/units/" + id).path("data"));
    }

    /** Every role of the organisation ({@code all=1}: without it Ziik returns only the caller's part). */
    public List<ZiikRole> roles() {
        return list("/usertypes", Map.of("all", "1"), ZiikJson::role);
    }

    public List<ZiikUserSummary> activeUsers() {
        return list("/users", Map.of(), ZiikJson::userSummary);
    }

    /** Deactivated users that are not yet anonymised. */
    public List<ZiikUserSummary> inactiveUsers() {
        return list("/users", Map.of("inactive", "1"), ZiikJson::userSummary);
    }

    @Override
    public void allUsers(java.util.function.Consumer<List<ZiikUserSummary>> page) {
        pages("/users", Map.of(), ZiikJson::userSummary, page);
        pages("/users", Map.of("inactive", "1"), ZiikJson::userSummary, page);
    }

    /** The user, or empty when Ziik says it does not exist or is gone (deleted or anonymised). */
    public Optional<ZiikUser> user(long id) {
        try {
            return Optional.of(ZiikJson.user(get("/users/" + id).path("data")));
        } catch (ZiikNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The user's memberships in Ziik's order; the first one decides roles and job profile. */
    public List<ZiikMembership> memberships(long userId) {
        return list("/users/" + userId + "/units", Map.of(), ZiikJson::membership);
    }

    public List<ZiikWebhook> webhooks() {
        return list("/webhooks", Map.of(), ZiikJson::webhook);
    }

    public ZiikWebhook createWebhook(String name, String uri, List<String> triggers) {
        byte[] body = ZiikJson.write(Map.of("name", name, "uri", uri, "triggers", triggers));
        return ZiikJson.webhook(call(HttpMethod.POST, url("/webhooks", Map.of()), body).path("data"));
    }

    /** Deletes the webhook; one that is already gone counts as deleted. */
    public void deleteWebhook(long id) {
        try {
            call(HttpMethod.DELETE, url("/webhooks/" + id, Map.of()), null);
        } catch (ZiikNotFoundException alreadyGone) {
            // the goal, no webhook, holds
        }
    }

    /** Every quicklink of the tenant (one answer: Ziik does not page them). */
    public List<ZiikQuicklink> quicklinks() {
        List<ZiikQuicklink> quicklinks = new ArrayList<>();
        get("/quicklinks").path("data").forEach(node -> quicklinks.add(ZiikJson.quicklink(node)));
        return quicklinks;
    }

    /** Creates a quicklink visible to everybody; returns its id, which Ziik gives only in {@code Location}. */
    public long createQuicklink(String name, String link) {
        Map<String, List<Long>> everybody = Map.of("userTypes", List.of(), "units", List.of(), "units_falldown", List.of());
        URI uri = url("/quicklinks", Map.of());
        PeerResponse response = exchange(HttpMethod.POST, uri,
                ZiikJson.write(Map.of("name", name, "link", link, "visibility", everybody)));
        judge(HttpMethod.POST, uri, response);
        return ZiikJson.idFromLocation(response.headers().getFirst(HttpHeaders.LOCATION));
    }

    /** @throws ZiikNotFoundException when the quicklink is gone */
    public void updateQuicklink(long id, String name, String link) {
        call(HttpMethod.PATCH, url("/quicklinks/" + id, Map.of()), ZiikJson.write(Map.of("name", name, "link", link)));
    }

    /** Deletes the quicklink; one that is already gone counts as deleted. */
    public void deleteQuicklink(long id) {
        try {
            call(HttpMethod.DELETE, url("/quicklinks/" + id, Map.of()), null);
        } catch (ZiikNotFoundException alreadyGone) {
            // the goal, no quicklink, holds
        }
    }

    private JsonNode get(String path) {
        return call(HttpMethod.GET, url(path, Map.of()), null);
    }

    /** Reads every page: {@code page=1, 2, ...} until {@code links.next} is null. */
    private <T> List<T> list(String path, Map<String, String> query, Function<JsonNode, T> reader) {
        List<T> items = new ArrayList<>();
        pages(path, query, reader, items::addAll);
        return items;
    }

    /** As {@link #list}, handing each page's items over as soon as it is in. */
    private <T> void pages(String path, Map<String, String> query, Function<JsonNode, T> reader,
                           java.util.function.Consumer<List<T>> each) {
        LaravelPages.read(page -> call(HttpMethod.GET, url(path, page), null), query, policy.pageSize(), reader, each);
    }

    private JsonNode call(HttpMethod method, URI uri, byte[] body) {
        return judge(method, uri, exchange(method, uri, body));
    }

    /** One authenticated call: renews, signs in again once on 401, waits out 429s; the answer unjudged. */
    private PeerResponse exchange(HttpMethod method, URI uri, byte[] body) {
        boolean signedInAgain = false;
        int rateLimited = 0;
        while (true) {
            ZiikToken used = currentToken();
            PacedCalls.Answer answer = calls.send(method, uri, h -> h.setBearerAuth(used.jwt()), body, policy.backoff(rateLimited + 1));
            PeerResponse response = answer.response();
            if (response.status() == 401 && !signedInAgain) {
                signedInAgain = true;
                signInAgain(used);
                continue;
            }
            if (response.status() == 429) {
                rateLimited++;
                Duration wait = response.retryAfter(clock).orElse(policy.backoff(rateLimited));
                if (rateLimited > policy.rateLimitRetries()) {
                    throw new ZiikRateLimitedException("Ziik is rate limiting " + method + " " + uri.getPath(), wait);
                }
                if (!answer.ownWait().isZero()) { // else the pacer holds every call, this one too
                    pause(answer.ownWait());
                }
                continue;
            }
            return response;
        }
    }

    private JsonNode judge(HttpMethod method, URI uri, PeerResponse response) {
        String what = method + " " + uri.getPath();
        return switch (response.status()) {
            case 200, 201, 202 -> response.body().length == 0 ? ZiikJson.MAPPER.nullNode() : ZiikJson.parse(response.body());
            case 204 -> ZiikJson.MAPPER.nullNode();
            case 401 -> throw new ZiikAuthenticationException("Ziik refused the credentials (401) on " + what, null);
            case 403 -> throw new ZiikForbiddenException(
                    "Ziik refused " + what + " (403): the integration account must be a Ziik administrator", null);
            case 404 -> throw new ZiikNotFoundException("Ziik has no such object: " + what, false);
            case 410 -> throw new ZiikNotFoundException("Ziik says the object is gone: " + what, true);
            case 400, 422 -> throw new ZiikRejectedException(
                    "Ziik rejected " + what + " (" + response.status() + "): " + message(response), null);
            default -> throw new ZiikUnavailableException(
                    "Ziik answered " + response.status() + " to " + what, null);
        };
    }

    private ZiikToken currentToken() {
        ZiikToken t = token;
        if (t != null && fresh(t)) {
            return t;
        }
        synchronized (tokenLock) {
            t = token;
            if (t == null || !fresh(t)) {
                token = t != null && clock.instant().isBefore(t.expires()) ? renew(t) : authenticate();
            }
            return token;
        }
    }

    /** After a 401: sign in again, unless another thread already replaced the token that failed. */
    private void signInAgain(ZiikToken failed) {
        synchronized (tokenLock) {
            if (token == failed || token == null) {
                token = authenticate();
            }
        }
    }

    private boolean fresh(ZiikToken t) {
        return clock.instant().isBefore(t.expires().minus(policy.renewMargin()));
    }

    private ZiikToken renew(ZiikToken old) {
        PeerResponse response = send(HttpMethod.POST, url("/renew", Map.of()), h -> h.setBearerAuth(old.jwt()), null);
        if (response.ok()) {
            return ZiikJson.token(ZiikJson.parse(response.body()), clock);
        }
        return authenticate();
    }

    private ZiikToken authenticate() {
        byte[] body = ZiikJson.write(Map.of("username", username, "password", password));
        PeerResponse response = send(HttpMethod.POST, url("/authenticate", Map.of()), h -> { }, body);
        if (response.status() == 401 || response.status() == 403 || response.status() == 422) {
            throw new ZiikAuthenticationException(
                    "Ziik refused the username or password (" + response.status() + ")", null);
        }
        return ZiikJson.token(judge(HttpMethod.POST, url("/authenticate", Map.of()), response), clock);
    }

    private PeerResponse send(HttpMethod method, URI uri, java.util.function.Consumer<HttpHeaders> headers, byte[] body) {
        return calls.send(method, uri, headers, body, policy.backoff(1)).response();
    }

    /** The pacing of this client's calls (its learnt rate), for benchmarks and diagnostics. */
    public RatePacer pacer() {
        return calls.pacer();
    }

    private URI url(String path, Map<String, String> query) {
        return Urls.of(baseUrl, path, query);
    }

    private static String message(PeerResponse response) {
        try {
            return ZiikJson.parse(response.body()).path("message").asString("(no message)");
        } catch (ZiikUnavailableException notJson) {
            return "(no message)";
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZiikUnavailableException("interrupted while waiting out Ziik's rate limit", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "ZiikClient[" + baseUrl + " as " + username + "]";
    }
}
