package io.ziiklb.learningbank;

import io.ziiklb.http.PeerHttp;
import io.ziiklb.http.PeerIoException;
import io.ziiklb.http.PeerResponse;
import io.ziiklb.http.RatePacer;
import io.ziiklb.http.Sleeper;
import io.ziiklb.http.Urls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * One customer's Learningbank. Thread-safe; at most {@code maxInFlight} calls at once, paced by a
 * {@link RatePacer} to the rate Learningbank's 429 answers teach (one client per integration, so
 * one learnt rate per integration, whatever runs for it). Each method
 * is one HTTP call (the {@code all...} methods one per page) and never retries: a failure surfaces as a {@link LearningbankException}
 * whose type says what happened. Lookups by name or email return empty when nothing matches.
 */
public final class LearningbankClient implements LearningbankApi {
    public static final int DEFAULT_IN_FLIGHT = 8;
    private static final Duration RATE_LIMIT_GUESS = Duration.ofSeconds(1);

    private final PeerHttp http;
    private final String baseUrl;
    private final String basicAuth;
    private final String token;
    private final Clock clock;
    private final Semaphore inFlight;
    private final RatePacer pacer;

    /** A client with at most {@link #DEFAULT_IN_FLIGHT} calls in flight at once, and a pacer of its own. */
    public LearningbankClient(PeerHttp http, LbCredentials credentials, Clock clock) {
        this(http, credentials, clock, DEFAULT_IN_FLIGHT, RatePacer.learning(clock, Sleeper.SYSTEM));
    }

    /**
     * @param maxInFlight calls this client has in flight at once, at most; more wait their turn. One
     *                    client per integration, so this bounds what one integration asks of its
     *                    Learningbank, whatever the engine does around the calls.
     * @param pacer       paces every call of this client (and of no other)
     */
    public LearningbankClient(PeerHttp http, LbCredentials credentials, Clock clock, int maxInFlight, RatePacer pacer) {
        this.pacer = pacer;
        this.http = http;
        this.baseUrl = Urls.trimBase(credentials.baseUrl());
        this.basicAuth = Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
        this.token = credentials.token();
        this.clock = clock;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** The platform's settings: its address and the defaults for new users. */
    public LbSettings settings() {
        return LbJson.settings(data(HttpMethod.GET, "/settings", Map.of(), null));
    }

    // ---- departments

    @Override
    public LbPage<LbDepartment> departmentsPage(int page, int perPage) {
        return page("/departments", Map.of(), page, perPage, LbJson::department);
    }

    public List<LbDepartment> allDepartments() {
        return all("/departments", Map.of(), LbJson::department);
    }

    /** The department with this name (names are unique, compared case-insensitively). */
    @Override
    public Optional<LbDepartment> departmentByName(String name) {
        return page("/departments", Map.of("name", name), 1, MAX_PAGE, LbJson::department).data().stream()
                .filter(d -> d.name().equalsIgnoreCase(name))
                .findFirst();
    }

    public LbDepartment department(String id) {
        return LbJson.department(data(HttpMethod.GET, "/departments/" + Urls.encode(id), Map.of(), null));
    }

    @Override
    public LbDepartment createDepartment(String name, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("parent_id", parentId);
        return LbJson.department(data(HttpMethod.POST, "/departments", Map.of(), body));
    }

    /** Renames and/or moves; a null argument is left as it is. */
    @Override
    public LbDepartment updateDepartment(String id, String name, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        if (parentId != null) {
            body.put("parent_id", parentId);
        }
        return LbJson.department(data(HttpMethod.PATCH, "/departments/" + Urls.encode(id), Map.of(), body));
    }

    @Override
    public void deleteDepartment(String id) {
        data(HttpMethod.DELETE, "/departments/" + Urls.encode(id), Map.of(), null);
    }

    // ---- permission types

    @Override
    public LbPage<LbPermissionType> permissionTypesPage(int page, int perPage) {
        return page("/permission-types", Map.of(), page, perPage, LbJson::permissionType);
    }

    public List<LbPermissionType> allPermissionTypes() {
        return all("/permission-types", Map.of(), LbJson::permissionType);
    }

    @Override
    public Optional<LbPermissionType> permissionTypeByName(String name) {
        return page("/permission-types", Map.of("name", name), 1, MAX_PAGE, LbJson::permissionType).data().stream()
                .filter(t -> t.name().equalsIgnoreCase(name))
                .findFirst();
    }

    public LbPermissionType permissionType(String id) {
        return LbJson.permissionType(data(HttpMethod.GET, "/permission-types/" + Urls.encode(id), Map.of(), null));
    }

    @Override
    public LbPermissionType createPermissionType(String name) {
        return LbJson.permissionType(data(HttpMethod.POST, "/permission-types", Map.of(), Map.of("name", name)));
    }

    @Override
    public LbPermissionType renamePermissionType(String id, String name) {
        return LbJson.permissionType(
                data(HttpMethod.PATCH, "/permission-types/" + Urls.encode(id), Map.of(), Map.of("name", name)));
    }

    /** Deletes the type; Learningbank also removes it from every user holding it. */
    @Override
    public void deletePermissionType(String id) {
        data(HttpMethod.DELETE, "/permission-types/" + Urls.encode(id), Map.of(), null);
    }

    // ---- job profiles

    @Override
    public LbPage<LbJobProfile> jobProfilesPage(int page, int perPage) {
        return page("/job-profiles", Map.of(), page, perPage, LbJson::jobProfile);
    }

    @Override
    public List<LbJobProfile> allJobProfiles() {
        return all("/job-profiles", Map.of(), LbJson::jobProfile);
    }

    /** Job profiles named exactly (case-sensitively) {@code name}. */
    public List<LbJobProfile> jobProfilesByName(String name) {
        return page("/job-profiles", Map.of("name", name), 1, MAX_PAGE, LbJson::jobProfile).data().stream()
                .filter(p -> p.name().equals(name))
                .toList();
    }

    public LbJobProfile jobProfile(String id) {
        return LbJson.jobProfile(data(HttpMethod.GET, "/job-profiles/" + Urls.encode(id), Map.of(), null));
    }

    // ---- users

    @Override
    public LbPage<LbUser> usersPage(LbUserFilter filter, int page, int perPage) {
        return page("/users", filter.query(), page, perPage, LbJson::user);
    }

    public List<LbUser> allUsers(LbUserFilter filter) {
        return all("/users", filter.query(), LbJson::user);
    }

    @Override
    public Optional<LbUser> userByExternalId(String externalId) {
        return usersPage(LbUserFilter.byExternalId(externalId), 1, MAX_PAGE).data().stream()
                .filter(u -> externalId.equals(u.externalId()))
                .findFirst();
    }

    @Override
    public Optional<LbUser> userByEmail(String email) {
        return usersPage(LbUserFilter.byEmail(email), 1, MAX_PAGE).data().stream()
                .filter(u -> u.email() != null && u.email().equalsIgnoreCase(email))
                .findFirst();
    }

    @Override
    public LbUser user(String id) {
        return LbJson.user(data(HttpMethod.GET, "/users/" + Urls.encode(id), Map.of(), null));
    }

    @Override
    public LbUser createUser(LbUserChange user) {
        return LbJson.user(data(HttpMethod.POST, "/users", Map.of(), LbJson.userBody(user)));
    }

    @Override
    public LbUser updateUser(String id, LbUserChange change) {
        return LbJson.user(data(HttpMethod.PATCH, "/users/" + Urls.encode(id), Map.of(), LbJson.userBody(change)));
    }

    /** A one-time URL (60 s) that signs the user in and lands at {@code redirectPath}. */
    public LbLoginLink createLoginLink(String userId, String redirectPath) {
        return LbJson.loginLink(data(HttpMethod.POST, "/users/" + Urls.encode(userId) + "/login-links", Map.of(),
                Map.of("redirect_path", redirectPath)));
    }

    // ---- plumbing

    private <T> List<T> all(String path, Map<String, String> filters, Function<JsonNode, T> reader) {
        List<T> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            LbPage<T> p = page(path, filters, page, MAX_PAGE, reader);
            items.addAll(p.data());
            if (p.last() || p.data().isEmpty()) {
                return items;
            }
        }
    }

    private <T> LbPage<T> page(String path, Map<String, String> filters, int page, int perPage,
                               Function<JsonNode, T> reader) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("page", Integer.toString(page));
        query.put("per_page", Integer.toString(perPage));
        return LbJson.page(call(HttpMethod.GET, path, query, null), reader);
    }

    private JsonNode data(HttpMethod method, String path, Map<String, String> query, Object body) {
        return call(method, path, query, body).path("data");
    }

    private JsonNode call(HttpMethod method, String path, Map<String, String> query, Object body) {
        URI uri = Urls.of(baseUrl, path, query);
        String what = method + " " + path;
        boolean write = method != HttpMethod.GET;
        byte[] json = body == null ? null : LbJson.write(body);
        PeerResponse response;
        RatePacer.Slot slot = slot(what);
        inFlight.acquireUninterruptibly();
        try {
            response = http.send(method, uri, h -> {
                h.set("Authorization", "Basic " + basicAuth);
                h.set("X-Api-Token", token);
            }, json);
        } catch (PeerIoException e) {
            throw new LearningbankUnavailableException(0, "Learningbank did not answer " + what + ": "
                    + e.getMessage(), write, e);
        } finally {
            inFlight.release();
        }
        int status = response.status();
        if (status != 429) {
            pacer.accepted(slot);
        }
        if (status == 204 || (response.ok() && response.body().length == 0)) {
            return LbJson.MAPPER.nullNode();
        }
        if (response.ok()) {
            return LbJson.parse(response.body());
        }
        LbJson.Error error = LbJson.Error.of(response.body());
        String message = "Learningbank refused " + what + " (" + status + " " + error.code() + "): " + error.message();
        throw switch (status) {
            case 401, 403 -> new LearningbankUnauthorizedException(message);
            case 404 -> new LearningbankNotFoundException(message);
            case 409 -> new LearningbankConflictException(error.code(), message);
            case 400, 422 -> new LearningbankValidationException(status,
                    error.code() == null ? (status == 400 ? "bad_request" : "validation_failed") : error.code(),
                    message, error.fields());
            case 429 -> { // the pacer cuts the rate (and holds every call for a long wait); this call waits it out
                Duration retryAfter = response.retryAfter(clock).orElse(RATE_LIMIT_GUESS);
                pacer.rateLimited(slot, retryAfter);
                yield new LearningbankRateLimitedException(message, retryAfter);
            }
            default -> new LearningbankUnavailableException(status, message, write && status >= 500, null);
        };
    }

    /** The pacer's wait for this call's turn; an interrupt while waiting ends the call unsent. */
    private RatePacer.Slot slot(String what) {
        try {
            return pacer.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LearningbankUnavailableException(0, "interrupted before " + what, false, e);
        }
    }

    /** The pacing of this client's calls (its learnt rate), for benchmarks and diagnostics. */
    public RatePacer pacer() {
        return pacer;
    }

    @Override
    public String toString() {
        return "LearningbankClient[" + baseUrl + "]";
    }
}
