package io.ziiklb.demo;

import io.ziiklb.learningbank.LbCredentials;
import io.ziiklb.testkit.AdminApiClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Creates the integration through the admin API and runs the first synchronisation, showing its progress. */
final class FirstSync {
    private FirstSync() {
    }

    static String run(AdminApiClient api, String ziikUrl, String ziikUser, String ziikPassword, String learningbankUrl,
                      LbCredentials lb, PrintStream out) throws Exception {
        JsonNode created = api.post("/api/v1/integrations", Map.of(
                "ziik", Map.of("baseUrl", ziikUrl, "username", ziikUser, "password", ziikPassword),
                "learningbank", Map.of("baseUrl", learningbankUrl, "username", lb.username(), "password", lb.password(),
                        "token", lb.token()),
                // the generated organisation repeats names ("Kitchen" in every restaurant): see rule U3
                "settings", Map.of("uniqueUnits", true))).ok();
        String id = created.path("id").asString();
        out.println("Created integration " + id + " (credentials checked live with both systems)");
        long started = System.nanoTime();
        String syncId = api.post("/api/v1/integrations/" + id + "/syncs", null).ok().path("syncId").asString();
        JsonNode run;
        do {
            Thread.sleep(200);
            run = api.get("/api/v1/integrations/" + id + "/syncs/" + syncId).ok();
            out.print("\r  " + progressLine(run));
            out.flush();
        } while (run.path("status").asString().equals("running"));
        out.println();
        JsonNode counts = run.path("counts");
        out.printf("First synchronisation %s in %.1f s: %d created, %d updated, %d deactivated, %d failed%n",
                run.path("status").asString(), Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0,
                counts.path("created").asInt(), counts.path("updated").asInt(), counts.path("deactivated").asInt(),
                counts.path("failed").asInt());
        JsonNode problems = api.get("/api/v1/integrations/" + id).ok().path("problems");
        if (!problems.isEmpty()) {
            out.println("Problems to look at: " + problems.size() + ", e.g. " + problems.path(0).path("message").asString());
        }
        return id;
    }

    private static String progressLine(JsonNode run) {
        int done = run.path("done").asInt();
        int total = run.path("total").asInt();
        int width = 30;
        int filled = total == 0 ? 0 : (int) ((long) done * width / total);
        return String.format("%-22s [%s%s] %,d / %,d   ", run.path("phase").asString().replace('_', ' '),
                "#".repeat(filled), " ".repeat(width - filled), done, total);
    }
}
