package io.ziiklb.simulator.ziik;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered JSON objects as maps, so answers keep the field order of Ziik's documentation. */
final class JsonMaps {
    private JsonMaps() {
    }

    /** {@code object("id", 1, "name", "HQ")}; values may be null. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
