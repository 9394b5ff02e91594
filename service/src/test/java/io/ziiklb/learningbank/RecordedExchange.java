package io.ziiklb.learningbank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One exchange of {@code fixtures/learningbank-contract} (on the test classpath under
 * {@code /fixtures}): the request the contract prescribes and the response it answers. The
 * fixtures' README gives the format.
 */
record RecordedExchange(String name, String method, String path, Map<String, String> query,
                        Map<String, String> headers, JsonNode requestBody, int status,
                        Map<String, String> responseHeaders, JsonNode responseBody) {

    static RecordedExchange read(String name) {
        JsonNode file;
        try (InputStream in = RecordedExchange.class.getResourceAsStream("/fixtures/learningbank-contract/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no recorded exchange " + name);
            }
            file = LbJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode request = file.required("request");
        JsonNode response = file.required("response");
        String target = request.required("path").stringValue();
        int q = target.indexOf('?');
        return new RecordedExchange(name, request.required("method").stringValue(),
                ContractServer.decode(q < 0 ? target : target.substring(0, q)),
                ContractServer.query(q < 0 ? null : target.substring(q + 1)),
                strings(request.path("headers")), request.get("body"),
                response.required("status").intValue(), strings(response.path("headers")), response.get("body"));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), e.getValue().stringValue()));
        return values;
    }
}
