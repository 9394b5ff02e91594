package io.ziiklb.demo;

import io.ziiklb.testkit.AdminApiClient;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns automatic sign-in on for the demo's integration and tells the simulated Ziik, as a Ziik
 * administrator would paste the launch address and the secret into Ziik's partner settings. The
 * Ziik simulator runs in a JVM of its own, so it is told over HTTP ({@code PUT /_sim/sso}).
 */
final class AutomaticSignIn {
    private AutomaticSignIn() {
    }

    /**
     * @param platformUrl Learningbank's {@code platform_url}: Ziik routes only the links to it
     *                    through the launch, and the service only lands on it
     */
    static void turnOn(AdminApiClient api, String integrationId, String ziikOrigin, String platformUrl, PrintStream out)
            throws Exception {
        JsonNode on = api.post("/api/v1/integrations/" + integrationId + "/sso", Map.of()).ok();
        String launchUrl = on.path("launchUrl").asString();
        String body = AdminApiClient.JSON.writeValueAsString(Map.of("launchUrl", launchUrl,
                "secret", on.path("secret").asString(), "platformUrl", platformUrl));
        HttpResponse<String> told = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ziikOrigin + "/_sim/sso"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (told.statusCode() != 200) {
            throw new IllegalStateException("the Ziik simulator refused the sign-in settings (" + told.statusCode() + "): "
                    + told.body());
        }
        out.println("Automatic sign-in turned on: Ziik's Learningbank links now go through " + launchUrl);
        out.println("  (the service made the SSO secret and gave it to the simulated Ziik, which signs each click with it)");
    }
}
