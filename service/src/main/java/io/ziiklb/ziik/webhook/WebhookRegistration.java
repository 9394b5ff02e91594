package io.ziiklb.ziik.webhook;

import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikException;
import io.ziiklb.ziik.ZiikWebhook;
import java.util.List;

/**
 * The integration's webhooks in Ziik: one per trigger, each pointing at
 * {@code <public url>/hooks/ziik/<integration id>/<secret>?event=<trigger>}.
 */
public final class WebhookRegistration {
    private WebhookRegistration() {
    }

    /** The part of the delivery URL that identifies the integration (and authenticates Ziik). */
    public static String base(String publicUrl, String integrationId, String secret) {
        String root = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return root + "/hooks/ziik/" + integrationId + "/" + secret;
    }

    /**
     * Registers the six webhooks. When Ziik refuses one, those already made are deleted again and
     * the failure is thrown: an integration is registered whole or not at all.
     */
    public static void register(ZiikClient ziik, String base) {
        List<ZiikWebhook> made = new java.util.ArrayList<>();
        try {
            for (String trigger : Triggers.ALL) {
                made.add(ziik.createWebhook("ziiklb " + trigger, base + "?event=" + trigger, List.of(trigger)));
            }
        } catch (ZiikException e) {
            made.forEach(hook -> ziik.deleteWebhook(hook.id()));
            throw e;
        }
    }

    /**
     * Deletes every webhook of this integration in Ziik, found by the path in its URL (the public
     * URL may have changed since they were made); returns how many.
     */
    public static int remove(ZiikClient ziik, String integrationId) {
        int removed = 0;
        for (ZiikWebhook hook : ziik.webhooks()) {
            if (hook.uri().contains("/hooks/ziik/" + integrationId + "/")) {
                ziik.deleteWebhook(hook.id());
                removed++;
            }
        }
        return removed;
    }
}
