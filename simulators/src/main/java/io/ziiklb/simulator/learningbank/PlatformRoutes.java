package io.ziiklb.simulator.learningbank;

import java.util.function.Supplier;

/** {@code GET /settings} and the read-only job profiles. */
final class PlatformRoutes {
    private final LearningbankState state;
    private final Supplier<String> platformUrl;

    PlatformRoutes(LearningbankState state, Supplier<String> platformUrl) {
        this.state = state;
        this.platformUrl = platformUrl;
    }

    void register(Api api) {
        api.route("GET", "/settings", req -> Wire.data(200, Wire.settings(state.settings(), platformUrl.get())));
        // name: exact and case-sensitive, unlike the other lists' name filters
        api.route("GET", "/job-profiles", req -> Wire.list(
                state.listJobProfiles(req.queryParam("name").orElse(null), PageRequest.from(req)), Wire::jobProfile));
        api.route("GET", "/job-profiles/{id}", req -> Wire.data(200, Wire.jobProfile(state.jobProfile(req.pathParam("id")))));
    }
}
