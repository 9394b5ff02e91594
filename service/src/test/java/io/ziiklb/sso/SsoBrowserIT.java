package io.ziiklb.sso;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ziiklb.console.ChromiumForTests;
import io.ziiklb.integration.TestDatabase;
import io.ziiklb.simulator.learningbank.LearningbankSimulator;
import io.ziiklb.simulator.ziik.OrganisationGenerator;
import io.ziiklb.simulator.ziik.SeededPeople;
import io.ziiklb.simulator.ziik.ZiikSimulator;
import io.ziiklb.testkit.AdminApiClient;
import io.ziiklb.testkit.LaunchTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An employee opens Learningbank from their (simulated) Ziik home page in Chromium: the shortcut and
 * a chat link land in Learningbank signed in as them, at the link's path and query, every click
 * with a fresh token; a used token and the sign-in page are pages a person can read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ziiklb.operator-token=" + SsoBrowserIT.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:ssobrowser;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
})
class SsoBrowserIT {
    static final String TOKEN = "operator-token-for-sso-in-chromium";
    static ZiikSimulator ziik;
    static LearningbankSimulator learningbank;
    static SeededPeople people;
    static ChromiumForTests chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() {
        ziik = ZiikSimulator.start(ZiikSimulator.Config.defaults());
        OrganisationGenerator.populate(ziik.organisation(), 20, 3);
        people = ziik.seedPeople();
        learningbank = LearningbankSimulator.start(LearningbankSimulator.Config.defaults());
        chromium = new ChromiumForTests();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        ziik.close();
        learningbank.close();
    }

    @Test
    void theShortcutAndAChatLinkSignTheEmployeeIn_andRefusalsArePagesAPersonCanRead() throws Exception {
        AdminApiClient api = AdminApiClient.onPort(port, TOKEN);
        String id = api.post("/api/v1/integrations", AdminApiClient.integration(ziik, learningbank, Map.of())).json()
                .path("id").asString();
        String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).json().path("syncId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/api/v1/integrations/" + id + "/syncs/" + syncId)
                .json().path("status").asString().equals("running"));
        JsonNode on = api.post("/api/v1/integrations/" + id + "/sso", Map.of()).json();
        ziik.sso(on.path("launchUrl").asString(), on.path("secret").asString(), learningbank.platformUrl());

        Page page = chromium.newPage();
        page.navigate(ziik.appUrl(people.employee().id()));
        chromium.screenshot(page, "20-ziik-home");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Learningbank").setExact(true)).click();
        assertThat(page.getByText("Signed in as Erik Employee")).isVisible();
        assertThat(page).hasURL(learningbank.platformUrl() + "/");

        page.navigate(ziik.appUrl(people.employee().id()));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("the introduction course")).click();
        assertThat(page).hasURL(Pattern.compile(".*/courses/42\\?tab=intro$"));
        assertThat(page.getByText("Signed in as Erik Employee")).isVisible();

        String used = LaunchTokens.forUser(people.employee().id(), on.path("secret").asString(), Instant.now()).sign();
        String launch = LaunchTokens.launchUrl(on.path("launchUrl").asString(), "/", used);
        Page fresh = chromium.newPage();
        fresh.navigate(launch);
        assertThat(fresh.getByText("Signed in as Erik Employee")).isVisible();
        com.microsoft.playwright.Response replay = fresh.navigate(launch);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(fresh.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link has expired"))).isVisible();
        assertThat(chromium.check(fresh, "21-sso-link-used")).isEmpty();

        Page stranger = chromium.newPage();
        stranger.navigate(on.path("launchUrl").asString() + "?target=%2Fcourses%2F7");
        assertThat(chromium.check(stranger, "22-sso-sign-in")).isEmpty();
        stranger.getByLabel("Email").fill(people.employee().email());
        stranger.getByLabel("Password").fill(people.employee().password());
        stranger.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(stranger).hasURL(learningbank.platformUrl() + "/courses/7");
        assertThat(stranger.getByText("Signed in as Erik Employee")).isVisible();
        assertThat(chromium.consoleErrors()).isEmpty();
        api.call("DELETE", "/api/v1/integrations/" + id, null);
    }
}
