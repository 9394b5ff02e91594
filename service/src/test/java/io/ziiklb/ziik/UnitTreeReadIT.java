package io.ziiklb.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ziiklb.http.AllowedPeers;
import io.ziiklb.http.PeerHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ziik's flattened tree is paged in tree order, siblings by name: a unit renamed between two pages
 * moves onto a page already read. Over real HTTP, a Ziik whose tree is renamed after its first page
 * is answered: the client must not hand over the tree without that unit.
 */
class UnitTreeReadIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<String[]> units = new ArrayList<>(); // {id, name}, the top unit "1" first
    private HttpServer server;
    private int treePages;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aUnitRenamedOntoAPageAlreadyReadIsNotLost() throws IOException {
        units.add(new String[] {"1", "HQ"});
        units.add(new String[] {"2", "Aarhus"});
        units.add(new String[] {"3", "Billund"});
        units.add(new String[] {"4", "Odense"});
        start();

        List<ZiikUnit> read = client().units();

        assertThat(read).extracting(ZiikUnit::id).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(read).filteredOn(u -> u.id() == 4).singleElement().satisfies(u -> assertThat(u.name()).isEqualTo("Aalborg"));
        assertThat(treePages).isEqualTo(4); // two pages read twice
    }

    private ZiikClient client() {
        PeerHttp http = PeerHttp.create(Duration.ofSeconds(2), Duration.ofSeconds(5), AllowedPeers.loopback());
        return new ZiikClient(http, "http://127.0.0.1:" + server.getAddress().getPort() + "/api", "admin@ziik.test", "secret",
                Clock.systemUTC(), d -> { }, new ZiikClientPolicy(Duration.ofMinutes(1), 3, Duration.ofSeconds(5), 2));
    }

    private void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/api/authenticate", http -> send(http, List.of(Map.of("jwt", "token", "expires", 4_102_444_800L))));
        server.createContext("/api/units/tree", this::tree);
        server.start();
    }

    /** Two units a page, the top unit first, then by name; "Odense" becomes "Aalborg" once page 1 was first answered. */
    private synchronized void tree(HttpExchange http) throws IOException {
        int page = Integer.parseInt(http.getRequestURI().getQuery().replaceAll(".*page=(\\d+).*", "$1"));
        treePages++;
        List<String[]> ordered = new ArrayList<>(units.subList(1, units.size()));
        ordered.sort(Comparator.comparing(u -> u[1]));
        ordered.addFirst(units.getFirst());
        List<Map<String, Object>> data = ordered.subList(Math.min(ordered.size(), (page - 1) * 2), Math.min(ordered.size(), page * 2))
                .stream().map(UnitTreeReadIT::unit).toList();
        boolean last = page * 2 >= ordered.size();
        if (treePages == 1) {
            units.get(3)[1] = "Aalborg"; // now sorts before Aarhus, onto page 1
        }
        Map<String, Object> links = new HashMap<>();
        links.put("next", last ? null : "/api/units/tree?page=" + (page + 1));
        send(http, Map.of("data", data, "links", links,
                "meta", Map.of("current_page", page, "last_page", (ordered.size() + 1) / 2, "total", ordered.size())));
    }

    private static Map<String, Object> unit(String[] row) {
        Map<String, Object> unit = new HashMap<>(Map.of("id", Long.parseLong(row[0]), "name", row[1], "unit_type", "unit"));
        unit.put("level", row[0].equals("1") ? 0 : 1);
        unit.put("parent_id", row[0].equals("1") ? null : 1L); // the top unit has none
        return unit;
    }

    private static void send(HttpExchange http, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().add("Content-Type", "application/json");
        http.sendResponseHeaders(200, bytes.length);
        try (var out = http.getResponseBody()) {
            out.write(bytes);
        }
    }
}
