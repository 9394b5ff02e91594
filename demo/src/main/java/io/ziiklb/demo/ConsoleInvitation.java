package io.ziiklb.demo;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's last word: where the admin console is, and the simulated Ziik administrator to sign
 * in with (and an employee who is not one, to see the refusal); then that employee's Ziik home
 * page, whose Learningbank shortcut and chat links sign them in to Learningbank. The simulator
 * makes the two people ({@code POST /_sim/people}, idempotent) and says who they are.
 */
final class ConsoleInvitation {
    private ConsoleInvitation() {
    }

    static void print(String ziikOrigin, String consoleUrl, PrintStream out) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ziikOrigin + "/_sim/people"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode people = JsonMapper.builder().build().readTree(answer.body());
        JsonNode admin = people.path("administrator");
        JsonNode employee = people.path("employee");
        out.println("The admin console: " + consoleUrl);
        out.println("  Sign in as the simulated Ziik administrator:");
        out.println("    Ziik address  " + ziikOrigin + "/api");
        out.println("    Email         " + admin.path("email").asString());
        out.println("    Password      " + admin.path("password").asString());
        out.println("  (" + employee.path("email").asString() + " / " + employee.path("password").asString()
                + " is an employee, not an administrator: the console refuses them.)");
        out.println();
        out.println("Automatic sign-in, as " + employee.path("name").asString() + " (an employee) sees it in Ziik:");
        out.println("  " + ziikOrigin + "/_sim/app/" + employee.path("id").asInt());
        out.println("  Click the \"Learningbank\" shortcut or a link in the chat there: Learningbank opens with "
                + employee.path("name").asString() + " signed in, no password asked.");
        out.println();
    }

    /** What the wizard asks for, to remove the demo's integration and make it again by hand. */
    static void wizardKeys(String learningbankOrigin, io.ziiklb.learningbank.LbCredentials keys, String ziikAccount,
                           String ziikPassword, PrintStream out) {
        out.println("  To make the integration again with \"Create integration\" (after removing it), the wizard asks for:");
        out.println("    Learningbank address  " + learningbankOrigin);
        out.println("    Username / Password / Token  " + keys.username() + " / " + keys.password() + " / " + keys.token());
        out.println("    Ziik integration account / password  " + ziikAccount + " / " + ziikPassword);
        out.println();
    }
}
