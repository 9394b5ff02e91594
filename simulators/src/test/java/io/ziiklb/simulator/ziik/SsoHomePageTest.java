package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ziiklb.testkit.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's Ziik home page: its shortcuts and chat, and which links go through the launch. */
class SsoHomePageTest {
    static final String SECRET = "an-sso-secret-of-at-least-32-bytes!!";
    static final String LAUNCH = "http://127.0.0.1:9/sso/5/launch";
    static final String PLATFORM = "http://127.0.0.1:8";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private ZiikSimulator sim;
    private ApiClient client;
    private String adminToken;
    private int employee;

    @BeforeEach
    void start() {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults().withClock(clock));
        client = new ApiClient(sim);
        adminToken = client.login();
        employee = sim.seedPeople().employee().id();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void listsTheShortcutTheQuicklinksAndTheChatLinks() {
        sim.sso(LAUNCH, SECRET, PLATFORM);
        quicklink("Learningbank", LAUNCH);
        quicklink("Canteen", "https://canteen.example/today");
        quicklink("Course catalogue", PLATFORM + "/catalogue");

        ApiClient.Answer page = client.getUrl(sim.appUrl(employee), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "<title>",
                "<h1>Welcome, Erik Employee</h1>", "<h2 id=\"shortcuts\">Shortcuts</h2>", "<h2 id=\"chat\">Chat</h2>");
        PageLinks links = PageLinks.of(page.body());
        assertThat(links.texts()).as("the shortcut stands in for the Learningbank quicklink").containsExactly(
                "Learningbank", "Canteen", "Course catalogue",
                "the introduction course", "the safety learning path", "the canteen menu");
        assertThat(links.href("Learningbank")).isEqualTo(sim.openUrl(employee, PLATFORM + "/"));
        assertThat(links.href("Course catalogue")).isEqualTo(sim.openUrl(employee, PLATFORM + "/catalogue"));
        assertThat(links.href("the introduction course")).isEqualTo(sim.openUrl(employee, PLATFORM + "/courses/42?tab=intro"));
        assertThat(links.href("the safety learning path")).isEqualTo(sim.openUrl(employee, PLATFORM + "/learning-paths/7#week-2"));
    }

    @Test
    void linksOffThePlatformAreFollowedUnchanged() {
        sim.sso(LAUNCH, SECRET, PLATFORM);
        quicklink("Canteen", "https://canteen.example/today");
        quicklink("Same host, other port", "http://127.0.0.1:9/elsewhere");

        PageLinks links = PageLinks.of(client.getUrl(sim.appUrl(employee), null).body());

        assertThat(links.href("the canteen menu")).isEqualTo("https://example.com/");
        assertThat(links.href("Canteen")).isEqualTo("https://canteen.example/today");
        assertThat(links.href("Same host, other port")).isEqualTo("http://127.0.0.1:9/elsewhere");
        assertThat(client.getUrl(sim.openUrl(employee, "https://example.com/"), null).status())
                .as("/open launches platform addresses only").isEqualTo(400);
        assertThat(client.getUrl(sim.appUrl(employee) + "/open", null).status()).isEqualTo(400);
    }

    @Test
    void showsOnlyTheQuicklinksTheUserMaySee() {
        sim.sso(LAUNCH, SECRET, PLATFORM);
        ZiikOrganisation org = sim.organisation();
        int chef = org.createRole("Chef");
        int kitchen = org.createUnit("Kitchen", org.topUnitId());
        quicklink("For chefs", "https://chefs.example/", "{\"userTypes\":[" + chef + "],\"units\":[],\"units_falldown\":[]}");
        quicklink("For the kitchen", "https://kitchen.example/", "{\"userTypes\":[],\"units\":[" + kitchen + "],\"units_falldown\":[]}");
        quicklink("For everyone below the top", "https://all.example/",
                "{\"userTypes\":[],\"units\":[],\"units_falldown\":[" + org.topUnitId() + "]}");

        assertThat(PageLinks.of(client.getUrl(sim.appUrl(employee), null).body()).texts())
                .contains("For everyone below the top").doesNotContain("For chefs", "For the kitchen");
    }

    @Test
    void whenSignInIsOffThereAreNoLaunchLinks() {
        assertThat(client.control("PUT", "/_sim/sso",
                "{\"launchUrl\":\"" + LAUNCH + "\",\"secret\":\"" + SECRET + "\",\"platformUrl\":\"" + PLATFORM + "\"}").status())
                .isEqualTo(200);
        quicklink("Learningbank", LAUNCH);
        assertThat(client.control("DELETE", "/_sim/sso", null).status()).isEqualTo(204);

        ApiClient.Answer page = client.getUrl(sim.appUrl(employee), null);

        PageLinks links = PageLinks.of(page.body());
        assertThat(page.body()).contains(HomePageRoutes.NOTE_OFF);
        assertThat(links.all()).allSatisfy(l -> assertThat(l.href()).doesNotContain("/open", "token="));
        assertThat(links.href("Learningbank")).as("the quicklink, static").isEqualTo(LAUNCH);
        assertThat(links.href("the introduction course")).isEqualTo(PLATFORM + "/courses/42?tab=intro");
        assertThat(client.getUrl(sim.openUrl(employee, PLATFORM + "/courses/42"), null).status()).isEqualTo(409);
    }

    @Test
    void neverConnectedTheChatHasNoLearningbankLinks() {
        ApiClient.Answer page = client.getUrl(sim.appUrl(employee), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(HomePageRoutes.NOTE_NOT_CONNECTED);
        assertThat(PageLinks.of(page.body()).texts()).containsExactly("the canteen menu");
    }

    @Test
    void refusesUnknownAndDeactivatedUsersWithPages() {
        sim.sso(LAUNCH, SECRET, PLATFORM);
        sim.organisation().deactivateUser(employee);

        ApiClient.Answer unknown = client.getUrl(sim.appUrl(99_999), null);
        ApiClient.Answer deactivated = client.getUrl(sim.appUrl(employee), null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("<html lang=\"en\">", "<h1>No such person</h1>");
        assertThat(deactivated.status()).isEqualTo(403);
        assertThat(client.getUrl(sim.openUrl(employee, PLATFORM + "/"), null).status()).isEqualTo(403);
        assertThat(client.getUrl(sim.appUrl(employee).replace("/" + employee, "/abc"), null).status()).isEqualTo(404);
    }

    @Test
    void settingsAreCheckedAndTheSecretIsNeverShown() {
        assertThat(client.control("PUT", "/_sim/sso", "{\"launchUrl\":\"" + LAUNCH + "\",\"secret\":\"short\",\"platformUrl\":\""
                + PLATFORM + "\"}").status()).isEqualTo(422);
        assertThat(client.control("PUT", "/_sim/sso", "{\"launchUrl\":\"/sso/5/launch\",\"secret\":\"" + SECRET
                + "\",\"platformUrl\":\"" + PLATFORM + "\"}").status()).isEqualTo(422);
        assertThat(client.control("PUT", "/_sim/sso", "{\"launchUrl\":\"" + LAUNCH + "\",\"secret\":\"" + SECRET + "\"}").status())
                .isEqualTo(422);
        assertThatThrownBy(() -> sim.sso(LAUNCH, SECRET, "ftp://files.example")).isInstanceOf(IllegalArgumentException.class);
        assertThat(client.control("GET", "/_sim/sso", null).json().get("on").booleanValue()).isFalse();

        sim.sso(LAUNCH, SECRET, PLATFORM + "/");

        ApiClient.Answer shown = client.control("GET", "/_sim/sso", null);
        assertThat(shown.json().get("on").booleanValue()).isTrue();
        assertThat(shown.json().get("platformUrl").stringValue()).isEqualTo(PLATFORM);
        assertThat(shown.body()).doesNotContain(SECRET);
        assertThat(sim.ssoSettings()).hasValueSatisfying(s -> assertThat(s.launchUrl()).isEqualTo(LAUNCH));
    }

    private void quicklink(String name, String link) {
        quicklink(name, link, "{\"userTypes\":[],\"units\":[],\"units_falldown\":[]}");
    }

    private void quicklink(String name, String link, String visibility) {
        ApiClient.Answer created = client.post("/quicklinks",
                "{\"name\":\"" + name + "\",\"link\":\"" + link + "\",\"visibility\":" + visibility + "}", adminToken);
        assertThat(created.status()).isEqualTo(201);
    }
}
