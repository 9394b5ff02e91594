package io.ziiklb.hooks;

/**
 * What became of a delivery, with its answer: the status, and for a refusal the code and message
 * of the API's one error body. Counted by name in {@code ziiklb.webhook.deliveries{outcome}}.
 */
enum DeliveryOutcome {
    QUEUED(202, null, null),
    DROPPED_DISABLED(202, null, null),
    DROPPED_NOT_SYNCHRONISED(202, null, null),
    /** The same for an unknown integration and a wrong secret. */
    NOT_FOUND(404, "not_found", "no such webhook address"),
    UNSIGNED(401, "unauthorized", "this integration's deliveries must carry X-Ziik-Signature"),
    BAD_SIGNATURE(401, "unauthorized", "X-Ziik-Signature does not sign this body with the integration's shared secret"),
    TOO_LARGE(413, "payload_too_large", "a delivery's body may be at most " + WebhookReceiver.MAX_BODY_BYTES + " bytes"),
    BAD_REQUEST(400, "bad_request", "not a delivery of one of Ziik's six events with a Ziik user or unit object as its body"),
    /** The database is away or the credentials do not open: Ziik delivers again later. */
    UNAVAILABLE(503, "unavailable", "the delivery cannot be taken in now; deliver it again later");

    private final int status;
    private final String code;
    private final String message;

    DeliveryOutcome(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    int status() {
        return status;
    }

    boolean refused() {
        return code != null;
    }

    String code() {
        return code;
    }

    String message() {
        return message;
    }
}
