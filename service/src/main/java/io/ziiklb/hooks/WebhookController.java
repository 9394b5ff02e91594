package io.ziiklb.hooks;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /hooks/ziik/{integrationId}/{secret}?event=<trigger>}: Ziik's deliveries. */
@RestController
class WebhookController {
    private final HookIntake intake;

    WebhookController(HookIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/hooks/ziik/{integrationId}/{secret}")
    ResponseEntity<Map<String, String>> deliver(@PathVariable String integrationId, @PathVariable String secret,
                                                @RequestParam(required = false) String event,
                                                @RequestHeader(value = "X-Ziik-Signature", required = false) String signature,
                                                @RequestBody(required = false) byte[] body) {
        HookIntake.Outcome outcome = intake.accept(integrationId, secret, event, signature, body);
        return ResponseEntity.status(outcome.status()).body(Map.of("outcome", outcome.name().toLowerCase()));
    }
}
