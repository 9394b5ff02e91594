package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.simulator.http.HandMovedTiming;
import io.ziiklb.simulator.http.Json;
import io.ziiklb.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The delivery switches (drop, duplicate, delay, reorder), the delivery log, and their control routes. */
class DeliverySwitchesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private ZiikSimulator sim;
    private ZiikOrganisation org;
    private ApiClient client;
    private HookReceiver hooks;

    @BeforeEach
    void start() {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults().withClock(new MutableClock(NOW)));
        org = sim.organisation();
        client = new ApiClient(sim);
        hooks = new HookReceiver();
        client.post("/webhooks", "{\"name\":\"units\",\"uri\":\"" + hooks.uri("unit.create") + "\",\"triggers\":[\"unit.create\"]}",
                client.login());
    }

    @AfterEach
    void stop() {
        sim.close();
        hooks.close();
    }

    @Test
    void reliableByDefaultInOrderAndLogged() {
        List<Integer> fired = createUnits(5);
        awaitIdle();

        assertThat(receivedIds()).isEqualTo(fired);
        assertThat(sim.deliveryLog()).hasSize(5).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(200);
            assertThat(d.dropped()).isFalse();
            assertThat(d.event()).isEqualTo("unit.create");
            assertThat(d.uri()).isEqualTo(hooks.uri("unit.create"));
            assertThat(d.at()).isEqualTo(NOW);
        });
    }

    @Test
    void dropRateOneSendsNothingAndLogsEveryDeliveryAsDropped() {
        sim.setDeliveries(DeliverySwitches.reliable().withDropRate(1));
        createUnits(3);
        awaitIdle();

        assertThat(hooks.received()).isEmpty();
        assertThat(sim.deliveryLog()).hasSize(3).allSatisfy(d -> {
            assertThat(d.dropped()).isTrue();
            assertThat(d.status()).isZero();
        });
    }

    /**
     * Which deliveries drop is fixed by the seed: the delivery dice are a {@link Random} seeded with
     * the bitwise complement of the config's seed, rolled once per delivery for the drop and, when it
     * is sent, once more for the duplicate.
     */
    @Test
    void aPartialDropRateDropsSomeAndSendsTheRest() {
        sim.setDeliveries(DeliverySwitches.reliable().withDropRate(0.5));
        Random dice = new Random(~ZiikSimulator.Config.defaults().seed());
        List<Boolean> expectedDropped = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean dropped = dice.nextDouble() < 0.5;
            expectedDropped.add(dropped);
            if (!dropped) {
                dice.nextDouble(); // the duplicate roll of a sent delivery
            }
        }

        List<Integer> fired = createUnits(40);
        awaitIdle();

        assertThat(sim.deliveryLog()).extracting(Delivery::dropped).isEqualTo(expectedDropped).contains(true, false);
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            if (!expectedDropped.get(i)) {
                sent.add(fired.get(i));
            }
        }
        assertThat(receivedIds()).isEqualTo(sent);
    }

    @Test
    void duplicateRateOneSendsEachDeliveryTwice() {
        sim.setDeliveries(DeliverySwitches.reliable().withDuplicateRate(1));
        List<Integer> fired = createUnits(3);
        awaitIdle();

        List<Integer> twice = new ArrayList<>();
        fired.forEach(id -> twice.addAll(List.of(id, id)));
        assertThat(receivedIds()).isEqualTo(twice);
        assertThat(sim.deliveryLog()).extracting(Delivery::duplicate).containsExactly(false, true, false, true, false, true);
    }

    @Test
    void reorderSendsTheSameDeliveriesInAnotherOrder() {
        sim.setDeliveries(DeliverySwitches.reliable().withReorder(true));
        List<Integer> fired = createUnits(6);
        awaitIdle();

        assertThat(receivedIds()).containsExactlyInAnyOrderElementsOf(fired).isNotEqualTo(fired);
    }

    /**
     * On hand-moved time: both changes happen at one instant (sleeps are held until then), so the
     * first delivery waits the whole delay and the second, due at the same instant, not at all.
     * A delay that added up along the queue would wait twice.
     */
    @Test
    void delayHoldsEachDeliveryBackFromItsChange() {
        HandMovedTiming timing = new HandMovedTiming();
        sim.setFaultTiming(timing);
        sim.setDeliveries(DeliverySwitches.reliable().withDelayMillis(300));
        timing.hold();
        List<Integer> fired = createUnits(2);
        timing.release();
        awaitIdle();

        assertThat(timing.sleeps()).containsExactly(300L);
        assertThat(receivedIds()).isEqualTo(fired);
        assertThat(timing.nanoTime()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void oneSenderSendsOneDeliveryAtATime() {
        hooks.holdMillis = 50;
        createUnits(4);
        awaitIdle();

        assertThat(hooks.mostAtOnce()).isEqualTo(1);
    }

    @Test
    void severalSendersSendThatManyDeliveriesAtOnceAndNoMore() {
        sim.setDeliveries(DeliverySwitches.reliable().withSenders(4));
        hooks.holdMillis = 300;
        List<Integer> fired = createUnits(12);
        awaitIdle();

        assertThat(hooks.mostAtOnce()).isEqualTo(4);
        assertThat(receivedIds()).containsExactlyInAnyOrderElementsOf(fired);
        assertThat(sim.deliveryLog()).hasSize(12).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
    }

    @Test
    void aFailingReceiverIsLoggedWithItsStatusAndNotRetried() {
        hooks.status = 503;
        createUnits(1);
        awaitIdle();

        assertThat(hooks.received()).hasSize(1);
        assertThat(sim.deliveryLog()).singleElement().extracting(Delivery::status).isEqualTo(503);
    }

    @Test
    void countsWhatTheDeliveriesMet() {
        sim.setDeliveries(DeliverySwitches.reliable().withDropRate(1));
        createUnits(2);
        awaitIdle();
        hooks.status = 503;
        sim.setDeliveries(DeliverySwitches.reliable().withDuplicateRate(1));
        createUnits(1);
        awaitIdle();
        hooks.status = 200;
        sim.setDeliveries(DeliverySwitches.reliable().withReorder(true));
        createUnits(4); // made at once: one batch of the reorder window
        awaitIdle();

        assertThat(sim.deliveryCounts()).isEqualTo(new DeliveryCounts(6, 2, 2, 1, 4));
        JsonNode counts = client.control("GET", "/_sim/deliveries", null).json().get("counts");
        assertThat(counts.get("dropped").longValue()).isEqualTo(2);
        assertThat(counts.get("reordered").longValue()).isEqualTo(4);
    }

    @Test
    void switchesAndLogOverHttp() {
        ApiClient.Answer put = client.control("PUT", "/_sim/deliveries",
                "{\"duplicateRate\":1,\"membershipChangesFireUserUpdate\":true,\"senders\":3}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(sim.deliveries()).isEqualTo(DeliverySwitches.reliable().withDuplicateRate(1).withMembershipChangesFiringUserUpdate(true)
                .withSenders(3));

        createUnits(1);
        JsonNode idle = client.control("POST", "/_sim/deliveries/idle", "{\"timeoutMillis\":5000}").json();
        assertThat(idle.get("idle").booleanValue()).isTrue();

        JsonNode state = client.control("GET", "/_sim/deliveries", null).json();
        assertThat(state.at("/switches/duplicateRate").doubleValue()).isEqualTo(1.0);
        assertThat(state.get("pending").intValue()).isZero();
        assertThat(state.get("log")).hasSize(2);
        assertThat(state.at("/log/0/signature").stringValue()).startsWith("sha256=");
        assertThat(state.at("/log/0/status").intValue()).isEqualTo(200);

        assertThat(client.control("DELETE", "/_sim/deliveries", null).status()).isEqualTo(204);
        assertThat(sim.deliveryLog()).isEmpty();
        assertThat(client.control("PUT", "/_sim/deliveries", "{\"dropRate\":2}").status()).isEqualTo(422);
        assertThat(client.control("PUT", "/_sim/deliveries", "{\"senders\":0}").status()).isEqualTo(422);
    }

    private List<Integer> createUnits(int count) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(org.createUnit("Site " + i, org.topUnitId()));
        }
        return ids;
    }

    private List<Integer> receivedIds() {
        return hooks.received().stream().map(r -> Json.MAPPER.readTree(r.body()).get("id").intValue()).toList();
    }

    private void awaitIdle() {
        assertThat(sim.awaitDeliveriesIdle(Duration.ofSeconds(5))).isTrue();
    }
}
