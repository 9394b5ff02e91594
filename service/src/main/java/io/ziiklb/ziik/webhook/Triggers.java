package io.ziiklb.ziik.webhook;

import java.util.List;

/** Ziik's six webhook triggers, and what each is about. */
public final class Triggers {
    public static final List<String> ALL = List.of(
            "user.create", "user.update", "user.delete", "unit.create", "unit.update", "unit.delete");

    private Triggers() {
    }

    /** {@code user} or {@code unit}; null for anything that is not one of the six. */
    public static String objectKind(String trigger) {
        return trigger != null && ALL.contains(trigger) ? trigger.substring(0, trigger.indexOf('.')) : null;
    }
}
