package io.ziiklb.hooks;

import io.ziiklb.http.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * {@code POST /hooks/ziik/{integrationId}/{secret}?event=<trigger>}: Ziik's deliveries, answered
 * here, in front of the security chain and Spring MVC. Deliveries come in bursts, and that
 * machinery gives them nothing (they are authenticated by their secret path and signature, and
 * counted by outcome) while it cost several times what checking and queueing one does. Anything
 * else under the path goes on down the chain, which answers it as for any unknown address.
 *
 * <p>The body is read last, and never beyond {@link #MAX_BODY_BYTES}: a wrong address, a missing
 * signature or a declared length over the limit is answered before any of it is read, so a
 * stranger's large body costs nothing (issue 11, point 2); a chunked body is read up to one byte
 * over the limit and no further.
 */
final class WebhookReceiver extends HttpFilter {
    static final String PATH = "/hooks/ziik/";
    /** A Ziik user or unit object is a few KiB; this leaves room for the largest while bounding what a delivery holds. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final Map<DeliveryOutcome, byte[]> ANSWERS = new EnumMap<>(DeliveryOutcome.class);

    static {
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            ANSWERS.put(outcome, outcome.refused() ? ErrorBody.bytes(outcome.code(), outcome.message(), Map.of())
                    : ("{\"outcome\":\"" + outcome.name().toLowerCase() + "\"}").getBytes(StandardCharsets.UTF_8));
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
        long arrived = System.nanoTime();
        Received received = receive(ids[0], ids[1], request);
        intake.count(received.outcome(), arrived);
        answer(response, received);
    }

    /** @param bodyRead whether the body was read to its end (when not, the connection is not kept) */
    private record Received(DeliveryOutcome outcome, boolean bodyRead) {
    }

    private Received receive(String integrationId, String secret, HttpServletRequest request) {
        boolean bodyRead = false;
        try {
            Optional<HookIntake.Recipient> recipient = intake.recipient(integrationId, secret);
            if (recipient.isEmpty()) {
                return new Received(DeliveryOutcome.NOT_FOUND, false);
            }
            String signature = request.getHeader("X-Ziik-Signature");
            if (recipient.get().mustBeSigned() && signature == null) {
                return new Received(DeliveryOutcome.UNSIGNED, false);
            }
            if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                return new Received(DeliveryOutcome.TOO_LARGE, false);
            }
            byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1); // a chunked body declares no length
            if (body.length > MAX_BODY_BYTES) {
                return new Received(DeliveryOutcome.TOO_LARGE, false);
            }
            bodyRead = true;
            return new Received(intake.accept(recipient.get(), event(request.getQueryString()), signature, body), true);
        } catch (IOException unreadable) { // the sender broke off or stalled
            return new Received(DeliveryOutcome.BAD_REQUEST, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Received(DeliveryOutcome.UNAVAILABLE, bodyRead);
        } catch (DataAccessException | IllegalStateException e) { // the database is away, or the key does not open the credentials
            LOG.warn("could not take a webhook delivery for integration {} in; answered 503 for Ziik to deliver it again: {}",
                    integrationId, e.toString());
            return new Received(DeliveryOutcome.UNAVAILABLE, bodyRead);
        } catch (RuntimeException e) {
            LOG.error("could not take a webhook delivery for integration {} in; answered 503", integrationId, e);
            return new Received(DeliveryOutcome.UNAVAILABLE, bodyRead);
        }
    }

    /**
     * The {@code event} parameter, from the query string alone: asking the servlet request would
     * read a form-encoded body as parameters.
     */
    static String event(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("event=")) {
                try {
                    return URLDecoder.decode(pair.substring("event=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void answer(HttpServletResponse response, Received received) throws IOException {
        byte[] answer = ANSWERS.get(received.outcome());
        response.setStatus(received.outcome().status());
        if (!received.bodyRead()) {
            response.setHeader("Connection", "close"); // what was not read is not worth reading to reuse the connection
        }
        response.setContentType("application/json");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
        response.flushBuffer(); // answered before anything of an unread body is swallowed
    }
}
