package io.ziiklb.hooks;

import io.ziiklb.http.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/ziik/{integrationId}/{secret}?event=<trigger>}: Ziik's deliveries, answered
 * here, in front of the security chain and Spring MVC. Deliveries come in bursts, and that
 * machinery gives them nothing (they are authenticated by their secret path and signature, and
 * counted by outcome) while it cost several times what checking and queueing one does. Anything
 * else under the path goes on down the chain, which answers it as for any unknown address.
 */
final class WebhookReceiver extends HttpFilter {
    static final String PATH = "/hooks/ziik/";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final byte[] FAILED = ErrorBody.bytes("internal_error", "unexpected error; see the service's log", Map.of());
    private static final Map<HookIntake.Outcome, byte[]> ANSWERS = new EnumMap<>(HookIntake.Outcome.class);

    static {
        for (HookIntake.Outcome outcome : HookIntake.Outcome.values()) {
            ANSWERS.put(outcome, ("{\"outcome\":\"" + outcome.name().toLowerCase() + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HookIntake intake;

    WebhookReceiver(HookIntake intake) {
        this.intake = intake;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        String[] ids = path.startsWith(PATH) ? path.substring(PATH.length()).split("/", -1) : new String[0];
        if (!"POST".equals(request.getMethod()) || ids.length != 2 || ids[0].isEmpty() || ids[1].isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes(); // before the query: a form body is not parameters
        try {
            HookIntake.Outcome outcome = intake.accept(ids[0], ids[1], request.getParameter("event"),
                    request.getHeader("X-Ziik-Signature"), body);
            answer(response, outcome.status(), ANSWERS.get(outcome));
        } catch (RuntimeException e) { // the database is away: Ziik delivers again later
            LOG.error("could not take a webhook delivery in", e);
            answer(response, 500, FAILED);
        }
    }

    private static void answer(HttpServletResponse response, int status, byte[] answer) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }
}
