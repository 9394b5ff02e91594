package io.ziiklb.simulator.ziik;

import java.util.List;

/** A registered webhook. {@code authorId} is the user who registered it (always the admin account here). */
record Webhook(int id, String name, String uri, List<String> triggers, int authorId) {
    /** The only six triggers Ziik has. */
    static final List<String> TRIGGERS =
            List.of("user.create", "user.update", "user.delete", "unit.create", "unit.update", "unit.delete");
}
