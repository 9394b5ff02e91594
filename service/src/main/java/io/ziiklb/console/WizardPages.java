package io.ziiklb.console;

import io.ziiklb.admin.TenantGuard;
import io.ziiklb.admin.Viewer;
import io.ziiklb.http.ApiProblem;
import io.ziiklb.integration.CredentialCheck;
import io.ziiklb.integration.Credentials;
import io.ziiklb.integration.Integration;
import io.ziiklb.integration.IntegrationService;
import io.ziiklb.integration.IntegrationSettings;
import io.ziiklb.integration.PeerAddress;
import io.ziiklb.integration.PeerClients;
import io.ziiklb.learningbank.LbCredentials;
import io.ziiklb.learningbank.LbJobProfile;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.learningbank.LearningbankException;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Create integration": the customer article's steps. 1, Learningbank's API keys, checked live
 * (rule L1); 2, its job profiles and which is the default; 3, the Ziik integration account and the
 * settings, which creates the integration; 4, synchronise ({@link SyncPages}). A step that fails
 * stays, saying why next to the field concerned.
 */
@Controller
class WizardPages {
    private final IntegrationService integrations;
    private final CredentialCheck check;
    private final PeerClients clients;

    WizardPages(IntegrationService integrations, CredentialCheck check, PeerClients clients) {
        this.integrations = integrations;
        this.check = check;
        this.clients = clients;
    }

    @GetMapping("/integrations/new")
    String keys(Model model) {
        return keysPage(new SettingsForm(), FormErrors.none(), model);
    }

    @PostMapping("/integrations/new/learningbank")
    String checkKeys(@ModelAttribute("form") SettingsForm form, HttpSession session, Model model) {
        String baseUrl;
        try {
            baseUrl = PeerAddress.learningbank(form.lbAddress);
        } catch (IllegalArgumentException e) {
            return keysPage(form, FormErrors.none().add("lbAddress", "enter the platform's address, e.g. acme.learningbankapp.com"), model);
        }
        Credentials.Learningbank lb = new Credentials.Learningbank(baseUrl, form.lbUsername.trim(), form.lbPassword, form.lbToken.trim());
        try {
            check.learningbank(lb);
        } catch (ApiProblem refused) {
            return keysPage(form, FormErrors.of(refused), model);
        }
        session.setAttribute(WizardDraft.SESSION_KEY, new WizardDraft(baseUrl, lb.username(), lb.password(), lb.token()));
        return "redirect:/integrations/new/job-profile";
    }

    @GetMapping("/integrations/new/job-profile")
    String jobProfile(HttpSession session, Model model) {
        WizardDraft draft = (WizardDraft) session.getAttribute(WizardDraft.SESSION_KEY);
        if (draft == null) {
            return "redirect:/integrations/new";
        }
        LearningbankClient lb = clients.learningbank(new LbCredentials(draft.lbBaseUrl(), draft.lbUsername(), draft.lbPassword(),
                draft.lbToken()));
        try {
            List<LbJobProfile> profiles = lb.allJobProfiles();
            model.addAttribute("profiles", profiles);
            model.addAttribute("hasDefault", profiles.stream().anyMatch(LbJobProfile::isDefault));
        } catch (LearningbankException e) {
            model.addAttribute("profiles", List.of());
            model.addAttribute("hasDefault", false);
            model.addAttribute("unreadable", true);
        }
        model.addAttribute("step", 2);
        return "wizard-profile";
    }

    @PostMapping("/integrations/new/job-profile")
    String profileSeen() {
        return "redirect:/integrations/new/ziik";
    }

    @GetMapping("/integrations/new/ziik")
    String ziik(HttpSession session, Model model) {
        if (session.getAttribute(WizardDraft.SESSION_KEY) == null) {
            return "redirect:/integrations/new";
        }
        return ziikPage(SettingsForm.of(IntegrationSettings.defaults()), FormErrors.none(), model);
    }

    @PostMapping("/integrations/new/ziik")
    String create(@ModelAttribute("form") SettingsForm form, HttpSession session, Model model) {
        WizardDraft draft = (WizardDraft) session.getAttribute(WizardDraft.SESSION_KEY);
        if (draft == null) {
            return "redirect:/integrations/new";
        }
        Viewer viewer = TenantGuard.viewer();
        FormErrors errors = FormErrors.none();
        String tenant = viewer.tenant();
        if (viewer.isOperator()) { // the operator has no tenant of their own: they say which Ziik
            try {
                tenant = PeerAddress.ziik(form.ziikAddress);
            } catch (IllegalArgumentException e) {
                errors.add("ziikAddress", "enter the Ziik's address, e.g. acme.ziik.io");
            }
        }
        var settings = form.settings(errors);
        if (!errors.isEmpty()) {
            return ziikPage(form, errors, model);
        }
        try {
            Credentials.Ziik ziik = new Credentials.Ziik(tenant, form.ziikUsername.trim(), form.ziikPassword,
                    form.sharedSecret.isBlank() ? null : form.sharedSecret);
            Integration created = integrations.create(ziik, draft.learningbank(), settings.applyTo(IntegrationSettings.defaults()));
            session.removeAttribute(WizardDraft.SESSION_KEY);
            return "redirect:/integrations/" + created.id() + "/synchronize";
        } catch (ApiProblem refused) {
            return ziikPage(form, FormErrors.of(refused), model);
        }
    }

    private static String keysPage(SettingsForm form, FormErrors errors, Model model) {
        form.lbPassword = "";
        form.lbToken = "";
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("step", 1);
        return "wizard-keys";
    }

    private static String ziikPage(SettingsForm form, FormErrors errors, Model model) {
        form.ziikPassword = "";
        form.sharedSecret = "";
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("step", 3);
        return "wizard-ziik";
    }
}
