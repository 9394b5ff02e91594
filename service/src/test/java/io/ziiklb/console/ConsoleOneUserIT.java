package io.ziiklb.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.learningbank.User;
import io.ziiklb.simulator.ziik.DeliverySwitches;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.UserUpdate;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Synchronise one user" in Chromium: a Ziik administrator changes a user while Ziik's webhooks are
 * lost, synchronises that user by email from the integration's page, reads the steps, and
 * Learningbank has the change; an email Learningbank does not know is said so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + ConsoleOneUserIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:consoleoneuser;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
})
class ConsoleOneUserIT {
    static final String TOKEN = "operator-token-for-one-user-console-tests";
    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;
    static ChromiumForTests browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        OrganisationGenerator.populate(ziik.organisation(), 20, 8);
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
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
    void anAdministratorSynchronisesOneUserByEmailAndSeesTheSteps() {
        AdminApiClient api = AdminApiClient.onPort(port, TOKEN);
        String id = api.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of())).ok()
                .path("id").asString();
        String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).ok().path("syncId").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> !api
                .get("/api/v1/integrations/" + id + "/syncs/" + syncId).json().path("status").asString().equals("running"));

        // a change Ziik's webhook never brings: only "Synchronise one user" does
        ziik.setDeliveries(DeliverySwitches.reliable().withDropRate(1.0));
        User before = learningbank.state().users().stream().filter(User::isActive)
                .filter(u -> !u.email().equalsIgnoreCase(ziik.config().adminEmail())).findFirst().orElseThrow();
        int ziikId = Integer.parseInt(before.externalId().substring("ziik:".length()));
        ziik.organisation().updateUser(ziikId, UserUpdate.none().withName(before.firstName(), "Synchronised"));
        assertThat(learningbank.state().findUser(before.id()).orElseThrow().lastName()).isNotEqualTo("Synchronised");

        List<String> violations = new ArrayList<>();
        Page page = browser.newPage();
        page.navigate(origin() + "/");
        page.getByLabel("Ziik address").fill(ziik.baseUrl());
        page.getByLabel("Email").fill(ziik.config().adminEmail());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(ziik.config().adminPassword());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/integrations$"));

        page.navigate(origin() + "/integrations/" + id);
        page.getByLabel("Ziik user (email or id)").fill(before.email());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Synchronise one user")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Synchronise one user: " + before.email())))
                .isVisible();
        var rows = page.getByRole(AriaRole.ROW);
        assertThat(rows).hasCount(4); // the header and the three steps
        assertThat(rows.nth(1)).containsText("Read from Ziik");
        assertThat(rows.nth(1)).containsText("Found");
        assertThat(rows.nth(2)).containsText("Match in Learningbank");
        assertThat(rows.nth(2)).containsText("Linked");
        assertThat(rows.nth(3)).containsText("Apply to Learningbank");
        assertThat(rows.nth(3)).containsText("Updated");
        assertThat(rows.nth(3)).containsText("name");
        assertThat(page.getByText(before.id(), new Page.GetByTextOptions().setExact(true))).isVisible();
        violations.addAll(browser.check(page, "one-user"));
        assertThat(learningbank.state().findUser(before.id()).orElseThrow().lastName()).isEqualTo("Synchronised");

        // an email no Learningbank user has: said so, nothing else
        page.getByLabel("Ziik user (email or id)").fill("nobody@example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Synchronise one user")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("No Learningbank user has the email nobody@example.com");
        violations.addAll(browser.check(page, "one-user-not-found"));

        // by Ziik id, nothing left to change
        page.getByLabel("Ziik user (email or id)").fill(String.valueOf(ziikId));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Synchronise one user")).click();
        assertThat(page.getByRole(AriaRole.ROW).nth(3)).containsText("Nothing to change");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the integration")).click();
        assertThat(page).hasURL(Pattern.compile(".*/integrations/" + id + "$"));
        assertThat(violations).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
