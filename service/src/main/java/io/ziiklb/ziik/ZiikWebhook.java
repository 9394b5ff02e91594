package io.ziiklb.ziik;

import java.util.List;

/** A webhook registered in Ziik. {@code triggers} may be empty when Ziik does not echo them. */
public record ZiikWebhook(long id, String name, String uri, List<String> triggers) {
    public ZiikWebhook {
        triggers = List.copyOf(triggers);
    }
}
