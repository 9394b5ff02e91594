package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import java.util.List;
import java.util.Map;

/**
 * Renders units in the shapes of Ziik's documentation (fixtures/ziik-docs). Which form is used
 * where follows the fixtures: the full form in unit lists, the tree and single reads; the brief
 * form as a unit's parent and inside users; Ziik's PHP-ism {@code "stats": []} inside webhook
 * bodies. Call under the organisation's read (or write) lock.
 */
final class UnitJson {
    private final OrgState state;

    UnitJson(OrgState state) {
        this.state = state;
    }

    /** As a unit's parent in units-tree.json. */
    Map<String, Object> brief(UnitRow u) {
        return object("content_type", "unit", "id", u.id(), "name", u.name(), "level", state.level(u),
                "unit_type", u.type().json(), "url", url(u));
    }

    /** As {@code unit}/{@code physicalUnit} of a user and in memberships (users-list.json). */
    Map<String, Object> ofUser(UnitRow u) {
        return ofUser(u, false);
    }

    /** As a user's unit inside a webhook body or a webhook's author (webhook-delivery-user.json). */
    Map<String, Object> ofUserInWebhook(UnitRow u) {
        return ofUser(u, true);
    }

    /** As in unit lists, the flattened tree and {@code GET /units/{id}} (unit-single.json). */
    Map<String, Object> full(UnitRow u) {
        return full(u, null);
    }

    /** The full form with nested {@code children} (sub-units only; departments are listed apart). */
    Map<String, Object> nested(UnitRow u) {
        return full(u, subUnits(u).stream().map(this::nested).toList());
    }

    /** The body of a unit webhook delivery (webhook-delivery-unit.json). */
    Map<String, Object> delivery(UnitRow u) {
        return object("content_type", "unit", "id", u.id(), "name", u.name(), "level", state.level(u),
                "unit_type", u.type().json(), "departments", departments(u), "parent", parentBrief(u),
                "parent_id", parentId(u),
                "stats", object("users", state.memberCount(u.id()), "children", subUnitCount(u)),
                "url", url(u));
    }

    private Map<String, Object> ofUser(UnitRow u, boolean inWebhook) {
        Map<String, Object> m = object("content_type", "unit", "id", u.id(), "name", u.name(),
                "level", state.level(u), "unit_type", u.type().json(), "parent", parentBrief(u),
                "parent_id", parentId(u));
        if (inWebhook) {
            m.put("stats", List.of());
        }
        m.put("url", url(u));
        return m;
    }

    private Map<String, Object> full(UnitRow u, List<Map<String, Object>> children) {
        Map<String, Object> m = object("content_type", "unit", "id", u.id(), "reference", u.reference(),
                "name", u.name(), "description", null, "level", state.level(u), "unit_type", u.type().json(),
                "departments", departments(u), "features", List.of(), "parent", parentBrief(u),
                "parent_id", parentId(u), "image", null,
                "stats", object("children", subUnitCount(u), "users", state.memberCount(u.id()),
                        "children_total", state.descendantCount(u.id())),
                "permissions", object("edit", true, "delete", !u.isTop()));
        if (children != null) {
            m.put("children", children);
        }
        m.put("url", url(u));
        return m;
    }

    private List<Map<String, Object>> departments(UnitRow u) {
        return state.children(u.id()).stream().filter(c -> c.type() == UnitType.DEPARTMENT).map(this::brief).toList();
    }

    private List<UnitRow> subUnits(UnitRow u) {
        return state.children(u.id()).stream().filter(c -> c.type() == UnitType.UNIT).toList();
    }

    private int subUnitCount(UnitRow u) {
        return subUnits(u).size();
    }

    private Map<String, Object> parentBrief(UnitRow u) {
        return u.isTop() ? null : brief(state.unit(u.parentId()));
    }

    private static Integer parentId(UnitRow u) {
        return u.isTop() ? null : u.parentId();
    }

    private static String url(UnitRow u) {
        return "api/units/" + u.id();
    }
}
