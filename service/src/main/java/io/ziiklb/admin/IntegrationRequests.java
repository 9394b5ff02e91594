package io.ziiklb.admin;

import io.ziiklb.integration.Credentials;
import io.ziiklb.integration.SettingsPatch;

/** Request bodies of the integrations API. */
final class IntegrationRequests {
    private IntegrationRequests() {
    }

    /** {@code POST /integrations}; settings left out take their defaults. */
    record Create(Credentials.Ziik ziik, Credentials.Learningbank learningbank, SettingsPatch settings) {
    }

    /** {@code PATCH /integrations/{id}}; anything left out stays. */
    record Patch(Credentials.Ziik ziik, Credentials.Learningbank learningbank, SettingsPatch settings) {
    }
}
