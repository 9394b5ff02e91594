package io.ziiklb.simulator.learningbank;

import io.ziiklb.simulator.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * One recorded exchange of {@code fixtures/learningbank-contract} (its README gives the format and
 * the matching rules): the platform it starts from, the fault it needs, the request and the
 * response the contract prescribes.
 */
record ContractExchange(String name, String given, String fault, Instant at, String method, String path,
                        Map<String, String> headers, JsonNode requestBody, int status,
                        Map<String, String> responseHeaders, JsonNode responseBody) {

    /** Surefire runs in the module directory; the fixtures sit at the repository root. */
    static final Path DIR = Path.of("..", "fixtures", "learningbank-contract");

    /** The example platform's URL, which stands for the simulator's {@code platformUrl()}. */
    static final String EXAMPLE_PLATFORM_URL = "https://acme.learningbankapp.com";

    static List<String> names() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DIR.toAbsolutePath(), e);
        }
    }

    static ContractExchange read(String name) {
        JsonNode file = readJson(DIR.resolve(name + ".json"));
        JsonNode request = file.required("request");
        JsonNode response = file.required("response");
        return new ContractExchange(name, file.required("given").stringValue(),
                file.has("faults") ? file.get("faults").stringValue() : null,
                Instant.parse(file.required("at").stringValue()),
                request.required("method").stringValue(), request.required("path").stringValue(),
                strings(request.path("headers")), request.get("body"),
                response.required("status").intValue(), strings(response.path("headers")), response.get("body"));
    }

    /** {@code platforms/<name>.json} */
    static JsonNode platform(String name) {
        return readJson(DIR.resolve("platforms").resolve(name + ".json"));
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("fixture not found: " + file.toAbsolutePath());
        }
        return Json.MAPPER.readTree(file.toFile());
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), e.getValue().stringValue()));
        return values;
    }
}
