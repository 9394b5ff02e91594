package io.ziiklb.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ziiklb.http.ApiProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The API's JSON reading: types exact, and the refusal names the field in the API's words, never Jackson's. */
class UnreadableBodyTest {
    private static final JsonMapper JSON = StrictJson.mapper();

    record Settings(Boolean uniqueUnits, List<String> excludedEmails, Integer deletionGuardPercent) {
    }

    record Peer(String username) {
    }

    record Body(Peer ziik, Settings settings) {
    }

    private static ApiProblem refusal(String json) {
        Throwable thrown = catchThrowable(() -> JSON.readValue(json, Body.class));
        assertThat(thrown).as(json).isNotNull();
        return UnreadableBody.problem(thrown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"settings\": {\"uniqueUnits\": \"true\"}}|settings.uniqueUnits|must be true or false",
            "{\"settings\": {\"uniqueUnits\": 1}}|settings.uniqueUnits|must be true or false",
            "{\"settings\": {\"deletionGuardPercent\": 1.5}}|settings.deletionGuardPercent|must be a whole number",
            "{\"settings\": {\"deletionGuardPercent\": \"5\"}}|settings.deletionGuardPercent|must be a whole number",
            "{\"settings\": {\"deletionGuardPercent\": true}}|settings.deletionGuardPercent|must be a whole number",
            "{\"settings\": {\"deletionGuardPercent\": 2147483648}}|settings.deletionGuardPercent|must be a whole number between -2147483648 and 2147483647",
            "{\"settings\": {\"excludedEmails\": \"a@b.c\"}}|settings.excludedEmails|must be a list",
            "{\"settings\": {\"excludedEmails\": [\"a@b.c\", \"x@y.z\", 3]}}|settings.excludedEmails[2]|must be a string",
            "{\"ziik\": {\"username\": 5}}|ziik.username|must be a string",
            "{\"ziik\": {\"username\": {}}}|ziik.username|must be a string",
            "{\"ziik\": []}|ziik|must be an object",
            "{\"ziik\": \"x\"}|ziik|must be an object",
            "{\"zik\": {}}|zik|is not a field of this request"})
    void aWrongTypeNamesItsField(String json, String field, String message) {
        ApiProblem problem = refusal(json);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.fields()).containsExactly(Map.entry(field, List.of(message)));
    }

    @org.junit.jupiter.api.Test
    void everyValueOfTheWrongTypeIsNamedNotOnlyTheFirst() {
        ApiProblem problem = refusal("{\"ziik\": {\"username\": 5, \"extra\": [1, {\"a\": 2}]}, \"settings\": {\"uniqueUnits\": \"true\","
                + " \"excludedEmails\": [\"a@b.c\", 1, {}, \"d@e.f\", [\"x\"]], \"deletionGuardPercent\": 2147483648}}");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.fields()).containsExactly(
                Map.entry("ziik.username", List.of("must be a string")),
                Map.entry("ziik.extra", List.of("is not a field of this request")),
                Map.entry("settings.uniqueUnits", List.of("must be true or false")),
                Map.entry("settings.excludedEmails[1]", List.of("must be a string")),
                Map.entry("settings.excludedEmails[2]", List.of("must be a string")),
                Map.entry("settings.excludedEmails[4]", List.of("must be a string")),
                Map.entry("settings.deletionGuardPercent", List.of("must be a whole number between -2147483648 and 2147483647")));
    }

    @org.junit.jupiter.api.Test
    void aHostileMemberNameIsNotRepeatedAndManyBadMembersGetABoundedAnswer() {
        assertThat(refusal("{\"ziik\": {\"\\r\\n<script>\": 1}, \"" + "k".repeat(1000) + "\": 1}").fields())
                .containsOnlyKeys("ziik", "body");
        StringBuilder many = new StringBuilder("{\"settings\": {\"excludedEmails\": [");
        for (int i = 0; i < 5000; i++) {
            many.append(i == 0 ? "" : ",").append(i);
        }
        assertThat(refusal(many.append("]}}").toString()).fields()).hasSize(TypeProblems.MAX_NOTED);
    }

    @org.junit.jupiter.api.Test
    void wrongShapesAreNamedEachAndTheRestIsStillRead() {
        ApiProblem problem = refusal("{\"ziik\": [], \"settings\": \"none\"}");
        assertThat(problem.fields()).containsOnlyKeys("ziik", "settings");
        assertThat(refusal("{\"ziik\": {\"username\": []}, \"settings\": {\"excludedEmails\": {\"a\": 1}}}").fields())
                .containsOnlyKeys("ziik.username", "settings.excludedEmails");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"ziik\": {\"username\": \"x\"}", "not json", "{} {}", "[]", "\"x\"", "{'a': 1}"})
    void aBodyThatIsNoJsonObjectIsA400WithoutFields(String json) {
        ApiProblem problem = refusal(json);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.fields()).isEmpty();
        assertThat(problem.getMessage()).doesNotContain("Body").doesNotContain("jackson").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(ints = {2000, 100_000})
    void deepNestingIsRefusedAsSuch(int depth) {
        ApiProblem problem = refusal("{\"ziik\":".repeat(depth) + "1" + "}".repeat(depth));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.getMessage()).contains("nested too deeply");
    }

    @org.junit.jupiter.api.Test
    void theRightTypesAreRead() throws Exception {
        Body body = JSON.readValue("{\"ziik\": {\"username\": \"u\"}, \"settings\": {\"uniqueUnits\": true,"
                + " \"excludedEmails\": [\"a@b.c\"], \"deletionGuardPercent\": 7}}", Body.class);
        assertThat(body).isEqualTo(new Body(new Peer("u"), new Settings(true, List.of("a@b.c"), 7)));
    }

    @org.junit.jupiter.api.Test
    void aReadStoppedAtTheBodyLimitIs413() {
        ApiProblem problem = UnreadableBody.problem(new RuntimeException("wrapped", new BodyLimit.TooLarge()));
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.code()).isEqualTo("too_large");
    }
}
