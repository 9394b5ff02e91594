package io.ziiklb.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console as a Ziik administrator meets it, in Chromium: sign in, the wizard's four steps, the
 * synchronisation's live progress, and every button of the integration page. Each page is
 * screenshot into target/screenshots/ and checked by axe-core and for JavaScript errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:consolewizard;" + TestDatabase.H2_OPTIONS,
        "ziiklb.operator-token=" + ConsoleWizardIT.OPERATOR,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
})
class ConsoleWizardIT {
    static final String OPERATOR = "operator-token-for-the-console";
    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;
    static ChromiumForTests browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        OrganisationGenerator.populate(ziik.organisation(), 60, 5);
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
        learningbank.state().seedJobProfile("Chef", false);
        browser = new ChromiumForTests();
    }

    @AfterAll
    static void stop() {
        browser.close();
        ziik.close();
        learningbank.close();
    }

    private String origin() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void theSignInPageSpeaksDanishToADanishBrowser_fitsAPhone_andWorksByKeyboard() {
        Page danish = browser.newPage("da-DK");
        danish.navigate(origin() + "/");
        assertThat(danish.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Log ind"))).isVisible();
        assertThat(danish.locator("html")).hasAttribute("lang", "da");
        assertThat(browser.check(danish, "01-sign-in-da")).isEmpty();

        Page phone = browser.newPage();
        phone.setViewportSize(390, 844);
        phone.navigate(origin() + "/");
        assertThat(browser.check(phone, "01-sign-in-phone")).isEmpty();
        boolean scrollsSideways = (Boolean) phone.evaluate("document.documentElement.scrollWidth > window.innerWidth");
        assertThat(scrollsSideways).as("nothing wider than the phone").isFalse();

        // by keyboard alone: the fields in order, then Enter
        phone.locator("body").focus();
        phone.keyboard().press("Tab");
        phone.keyboard().press("Tab");
        assertThat(phone.getByLabel("Ziik address")).isFocused();
        phone.keyboard().type(ziik.baseUrl());
        phone.keyboard().press("Tab");
        phone.keyboard().type(ziik.config().adminEmail());
        phone.keyboard().press("Tab");
        phone.keyboard().type(ziik.config().adminPassword());
        phone.keyboard().press("Enter");
        assertThat(phone).hasURL(Pattern.compile(".*/integrations$"));
        assertThat(browser.check(phone, "02-integrations-phone")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void automaticSignInIsTurnedOnWithItsSecretShownOnce_linksAreMade_andItIsTurnedOff() {
        io.ziiklb.testkit.AdminApiClient api = io.ziiklb.testkit.AdminApiClient.onPort(port, OPERATOR);
        String id = api.post("/api/v1/integrations", io.ziiklb.testkit.AdminApiClient.integration(ziik, learningbank,
                java.util.Map.of())).json().path("id").asString();
        try {
            Page page = browser.newPage();
            page.navigate(origin() + "/");
            page.getByLabel("Operator token").fill(OPERATOR);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            page.navigate(origin() + "/integrations/" + id);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on automatic sign-in")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Automatic sign-in is on"))).isVisible();
            String secret = page.getByLabel("SSO secret").inputValue();
            assertThat(secret).hasSizeGreaterThan(30);
            assertThat(browser.check(page, "12-sso-on")).isEmpty();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Back to the integration")).click();
            assertThat(page.content()).as("the secret is shown once, never again").doesNotContain(secret);
            assertThat(page.getByText("/sso/" + id + "/oidc/callback")).isVisible(); // the redirect URI to register
            page.getByLabel("Address on Learningbank").fill(learningbank.platformUrl() + "/courses/42");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a link")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("/sso/" + id + "/launch?target=");
            assertThat(browser.check(page, "13-integration-sso")).isEmpty();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn off automatic sign-in")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Automatic sign-in is off");
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            api.call("DELETE", "/api/v1/integrations/" + id, null);
        }
    }

    @Test
    void anAdministratorCreatesAndSynchronisesTheIntegrationThenUsesEveryButton() {
        List<String> violations = new ArrayList<>();
        Page page = browser.newPage();
        page.navigate(origin() + "/");
        violations.addAll(browser.check(page, "01-sign-in"));
        page.getByLabel("Ziik address").fill(ziik.baseUrl());
        page.getByLabel("Email").fill(ziik.config().adminEmail());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(ziik.config().adminPassword());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile(".*/integrations$"));
        violations.addAll(browser.check(page, "02-integrations-empty"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create integration")).click();

        // 1: Learningbank's API keys, a wrong token first: the step stays, saying why by the field
        var lb = LearningbankSimulator.Config.defaults();
        page.getByLabel("Learningbank address").fill(learningbank.baseUrl());
        page.getByLabel("Username").fill(lb.username());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(lb.password());
        page.getByLabel("Token").fill("not-the-token");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("#lbToken-error")).containsText("Learningbank");
        violations.addAll(browser.check(page, "03-wizard-keys-refused"));
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(lb.password());
        page.getByLabel("Token").fill(lb.token());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

        // 2: the job profiles
        assertThat(page.getByText("Chef")).isVisible();
        violations.addAll(browser.check(page, "04-wizard-job-profile"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

        // 3: the Ziik account and the settings
        page.getByLabel("Ziik integration account").fill(ziik.config().adminEmail());
        page.getByLabel("Ziik integration password").fill(ziik.config().adminPassword());
        page.getByLabel("Webhook shared secret").fill(ziik.config().sharedSecret());
        page.getByLabel("Deletion guard minimum").fill("5");
        violations.addAll(browser.check(page, "05-wizard-ziik-and-settings"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create integration")).click();

        // 4: the preview, then the synchronisation, live
        assertThat(page.getByText("Matched by email")).isVisible();
        violations.addAll(browser.check(page, "06-wizard-preview"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Synchronize")).click();
        assertThat(page.getByRole(AriaRole.PROGRESSBAR)).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Done")))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        violations.addAll(browser.check(page, "07-sync-done"));
        assertThat(learningbank.state().snapshot().users()).hasSizeGreaterThan(50);

        // the integration's page and its buttons
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go to the integration")).click();
        assertThat(page.getByText("Up to date")).isVisible();
        violations.addAll(browser.check(page, "08-integration"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable"))).isVisible();
        violations.addAll(browser.check(page, "09-integration-disabled"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("may not have reached Learningbank");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Initiate synchronisation")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Done")))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go to the integration")).click();
        page.getByLabel("Deletion guard percent").fill("30");
        assertThat(page.getByLabel("Compare Ziik's user lists every (minutes)")).hasValue("4");
        assertThat(page.getByLabel("Re-read every user's memberships within (minutes)")).hasValue("30");
        page.getByLabel("Ziik calls a minute for both, at most").fill("60");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved");
        assertThat(page.getByLabel("Deletion guard percent")).hasValue("30");
        assertThat(page.getByLabel("Ziik calls a minute for both, at most")).hasValue("60");
        page.getByLabel("Deletion guard minimum").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#deletionGuardMinimum-error")).isVisible();
        violations.addAll(browser.check(page, "11-integration-settings-refused"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry failed")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("queued again");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove")).click();
        assertThat(page.getByText("Learningbank is not touched")).isVisible();
        violations.addAll(browser.check(page, "10-remove-confirm"));
        int usersBefore = learningbank.state().snapshot().users().size();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove")).click();
        assertThat(page.getByText("There is no Learningbank integration yet")).isVisible();
        assertThat(learningbank.state().snapshot().users()).hasSize(usersBefore);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByText("You are signed out")).isVisible();
        assertThat(violations).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
