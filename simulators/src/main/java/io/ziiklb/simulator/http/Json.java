package io.ziiklb.simulator.http;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the simulators. */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }
}
