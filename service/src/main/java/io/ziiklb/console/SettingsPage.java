package io.ziiklb.console;

import io.ziiklb.http.ApiProblem;
import io.ziiklb.integration.Credentials;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.PeerAddress;
import io.ziiklb.integration.SettingsPatch;

/**
 * "Save" on an integration's page: the settings as typed, and whichever credentials were typed,
 * each checked live by the same {@code PATCH} the API makes (a new address needs that system's
 * whole credentials). Credentials left as they were are not sent anywhere.
 */
final class SettingsPage {
    private final IntegrationService integrations;

    SettingsPage(IntegrationService integrations) {
        this.integrations = integrations;
    }

    /** The form for an integration: its settings, accounts and Learningbank address; no secret. */
    static SettingsForm formOf(Integration integration) {
        SettingsForm form = SettingsForm.of(integration.settings());
        form.ziikUsername = integration.ziikUsername();
        form.lbAddress = integration.learningbankBaseUrl();
        form.lbUsername = integration.learningbankUsername();
        return form;
    }

    /** Saves what the form changes; the errors to show next to their fields, empty when saved. */
    FormErrors save(Integration integration, SettingsForm form) {
        FormErrors errors = FormErrors.none();
        SettingsPatch settings = form.settings(errors);
        String lbBase = integration.learningbankBaseUrl();
        try {
            lbBase = PeerAddress.learningbank(form.lbAddress);
        } catch (IllegalArgumentException e) {
            errors.add("lbAddress", "enter the platform's address, e.g. acme.learningbankapp.com");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        boolean ziikTyped = !form.ziikUsername.trim().equalsIgnoreCase(integration.ziikUsername())
                || !form.ziikPassword.isEmpty() || !form.sharedSecret.isEmpty();
        boolean lbTyped = !PeerAddress.same(lbBase, integration.learningbankBaseUrl())
                || !form.lbUsername.trim().equals(integration.learningbankUsername()) || !form.lbPassword.isEmpty()
                || !form.lbToken.isEmpty();
        Credentials.Ziik ziik = ziikTyped ? form.ziik(integration.ziikBaseUrl()) : null;
        Credentials.Learningbank lb = lbTyped ? form.learningbank(lbBase) : null;
        try {
            integrations.patch(integration.id(), ziik, lb, settings);
            return FormErrors.none();
        } catch (ApiProblem refused) {
            return FormErrors.of(refused);
        }
    }
}
