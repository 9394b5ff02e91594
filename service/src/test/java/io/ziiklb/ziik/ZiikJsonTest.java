package io.ziiklb.ziik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The client reads every payload Ziik documents, byte for byte as documented. */
class ZiikJsonTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    static JsonNode fixture(String name) {
        try (InputStream in = ZiikJsonTest.class.getResourceAsStream("/fixtures/ziik-docs/" + name)) {
            return ZiikJson.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void authenticateArrayWithPastExpiryGetsAnAssumedLifetime() {
        ZiikToken token = ZiikJson.token(fixture("authenticate.json"), CLOCK);
        assertThat(token.jwt()).isEqualTo("aaaaaaaaaa.bbbbbbbbbbb.cccccccccccc");
        // the documented 12345678 is in 1970: trusting it would renew before every call
        assertThat(token.expires()).isEqualTo(CLOCK.instant().plus(ZiikJson.ASSUMED_TOKEN_LIFETIME));
        assertThat(token.toString()).doesNotContain("aaaa");
    }

    @Test
    void authenticateAcceptsABareObjectWithAFutureExpiry() {
        long expires = CLOCK.instant().getEpochSecond() + 3600;
        JsonNode bare = ZiikJson.parse(("{\"jwt\":\"x.y.z\",\"expires\":" + expires + "}").getBytes());
        assertThat(ZiikJson.token(bare, CLOCK).expires()).isEqualTo(Instant.ofEpochSecond(expires));
    }

    @Test
    void authenticateWithoutJwtIsAnError() {
        assertThatThrownBy(() -> ZiikJson.token(ZiikJson.parse("[{}]".getBytes()), CLOCK))
                .isInstanceOf(ZiikUnavailableException.class);
    }

    @Test
    void userListRow() {
        ZiikUserSummary row = ZiikJson.userSummary(fixture("users-list.json").path("data").path(0));
        assertThat(row).isEqualTo(new ZiikUserSummary(3, "Tyson", "Cronin", true, 1L));
    }

    @Test
    void singleUser() {
        ZiikUser user = ZiikJson.user(fixture("user-single.json").path("data"));
        assertThat(user).isEqualTo(new ZiikUser(3, "Cali", "Medhurst", "tremaine80@example.net", true, "en"));
    }

    @Test
    void currentUserAndItsMemberUnits() {
        JsonNode data = fixture("user-current.json").path("data");
        ZiikAccount account = ZiikJson.account(data);
        assertThat(account).isEqualTo(new ZiikAccount(3, "tremaine80@example.net", "Cali", "Medhurst", false));
        assertThat(account.displayName()).isEqualTo("Cali Medhurst");
        ZiikMembership membership = ZiikJson.membership(data.path("memberUnits").path(0));
        // the documented "department": {} means no department
        assertThat(membership).isEqualTo(new ZiikMembership(1, "HQ", null, List.of(new ZiikRole(1, "Employee"))));
    }

    @Test
    void quicklinkListAndSingle() {
        List<ZiikQuicklink> list = new ArrayList<>();
        fixture("quicklinks-list.json").path("data").forEach(node -> list.add(ZiikJson.quicklink(node)));
        assertThat(list).containsExactly(
                new ZiikQuicklink(2, "deleniti", "https://www.ziemann.net/ducimus-consequatur-non-rerum-consequatur-non-hic-ut-dolores"),
                new ZiikQuicklink(1, "modi", "https://www.strosin.com/distinctio-omnis-tempore-velit-dolor-non"));
        assertThat(ZiikJson.quicklink(fixture("quicklink-single.json").path("data")))
                .isEqualTo(new ZiikQuicklink(1, "eum", "http://bogisich.com/iste-modi-accusantium-ut-suscipit.html"));
    }

    @Test
    void quicklinkCreatedHasNoIdSoItComesFromTheLocation() {
        assertThat(fixture("quicklink-created.json").path("id").isMissingNode()).isTrue();
        assertThat(fixture("quicklink-created.json").path("message").asString()).isEqualTo("Quicklink created");
        assertThat(ZiikJson.idFromLocation("https://example.ziik.io/api/quicklinks/1234")).isEqualTo(1234);
        assertThatThrownBy(() -> ZiikJson.idFromLocation("https://example.ziik.io/api/quicklinks/"))
                .isInstanceOf(ZiikUnavailableException.class);
        assertThatThrownBy(() -> ZiikJson.idFromLocation(null)).isInstanceOf(ZiikUnavailableException.class);
    }

    @Test
    void userWebhookDeliveryHasNoLanguage() {
        ZiikUser user = ZiikJson.user(fixture("webhook-delivery-user.json"));
        assertThat(user).isEqualTo(new ZiikUser(3, "Hobart", "Green", "user@example.net", true, null));
    }

    @Test
    void unitsFromListSingleAndDelivery() {
        assertThat(ZiikJson.unit(fixture("units-list.json").path("data").path(0)))
                .isEqualTo(new ZiikUnit(3, "Dach-Windler", null, 0, "unit", null));
        assertThat(ZiikJson.unit(fixture("unit-single.json").path("data")))
                .isEqualTo(new ZiikUnit(2, "Altenwerth-Aufderhar", null, 0, "unit", "ext-dbafds234bafdsf234-12"));
        ZiikUnit delivered = ZiikJson.unit(fixture("webhook-delivery-unit.json"));
        assertThat(delivered).isEqualTo(new ZiikUnit(2, "Larkin Ltd", null, 0, "unit", null));
        assertThat(delivered.isTop()).isTrue();
        assertThat(delivered.mirrored()).isTrue();
    }

    @Test
    void nestedTreeIsReadWholeWithParentsFromParentObjects() {
        Map<Long, ZiikUnit> units = new LinkedHashMap<>();
        for (JsonNode node : fixture("units-tree.json").path("data")) {
            ZiikJson.unitWithChildren(node, units);
        }
        assertThat(units.values()).extracting(ZiikUnit::id, ZiikUnit::parentId, ZiikUnit::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 1L, 1),
                org.assertj.core.groups.Tuple.tuple(5L, 2L, 2),
                org.assertj.core.groups.Tuple.tuple(3L, 2L, 2),
                org.assertj.core.groups.Tuple.tuple(4L, 2L, 2));
    }

    @Test
    void roles() {
        List<ZiikRole> roles = new ArrayList<>();
        fixture("usertypes-list.json").path("data").forEach(n -> roles.add(ZiikJson.role(n)));
        assertThat(roles).containsExactly(new ZiikRole(2, "Employee"), new ZiikRole(1, "Manager"));
    }

    @Test
    void webhookWithoutTriggers() {
        assertThat(ZiikJson.webhook(fixture("webhook-single.json").path("data")))
                .isEqualTo(new ZiikWebhook(1, "ea veniam iure", "http://example.com/ziik-user", List.of()));
    }

    @Test
    void stringIdsAreAcceptedAndMissingIdsRejected() {
        assertThat(ZiikJson.role(ZiikJson.parse("{\"id\":\"17\",\"name\":\"Chef\"}".getBytes())))
                .isEqualTo(new ZiikRole(17, "Chef"));
        assertThatThrownBy(() -> ZiikJson.role(ZiikJson.parse("{\"name\":\"Chef\"}".getBytes())))
                .isInstanceOf(ZiikUnavailableException.class);
    }

    @Test
    void nameIsSplitWhenFirstAndLastAreAbsent() {
        ZiikUserSummary row = ZiikJson.userSummary(ZiikJson.parse("{\"id\":1,\"name\":\"Anna Maria Berg\"}".getBytes()));
        assertThat(row).isEqualTo(new ZiikUserSummary(1, "Anna Maria", "Berg", true));
    }
}
