package io.ziiklb.simulator.ziik;

import static io.ziiklb.simulator.ziik.JsonMaps.object;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders users in the shapes of Ziik's documentation (fixtures/ziik-docs): list rows without
 * email, settings and userTypes; the full single read; the current user with {@code memberUnits};
 * webhook bodies and webhook authors. Free-text profile fields Ziik has and the product never
 * reads (ask_about, quote, phone...) are present but empty. Call under the organisation's lock.
 */
final class UserJson {
    /** What a user may do in the app. Constant: the product never reads it. */
    private static final Map<String, Object> ABILITIES = object(
            "news", true, "calendar", true, "manuals", true, "faq", true, "groups", true, "quick_links", true,
            "user", false, "units", false, "supplier", false, "schedule", false, "shift_trading_request", false,
            "shift_trading_take", false, "shift_trading_approve", false, "vacation_own", false,
            "vacation_unit", false);

    private final OrgState state;
    private final UnitJson units;

    UserJson(OrgState state) {
        this.state = state;
        this.units = new UnitJson(state);
    }

    /** A row of {@code GET /users} (users-list.json). */
    Map<String, Object> listRow(UserRow u) {
        Map<String, Object> m = object("content_type", "user", "id", u.id(), "reference", "", "name", u.name(),
                "first_name", u.firstName(), "last_name", u.lastName(), "title", u.title(), "avatar", null,
                "active", u.active(), "unit", units.ofUser(unit(u)), "physicalUnit", units.ofUser(unit(u)),
                "url", url(u));
        addMetaFields(m);
        return m;
    }

    /** {@code GET /users/{id}} (user-single.json): userTypes are the first membership's roles. */
    Map<String, Object> single(UserRow u) {
        Map<String, Object> m = object("content_type", "user", "id", u.id(), "reference", "", "name", u.name(),
                "first_name", u.firstName(), "last_name", u.lastName(), "title", u.title(), "active", u.active(),
                "ask_about", "", "country", "", "quote", "", "description", "", "phone", "", "email", u.email(),
                "birthday", null, "policy_accept", true, "latest_release", 0,
                "settings", object("timezone", u.timezone(), "show_birthdays", "none", "birthdays_optout", false,
                        "expire", null, "language", u.language()),
                "admin", isAdmin(u), "system_admin", false,
                "permissions", object("edit", true, "delete", deletable(u)), "avatar", null,
                "userTypes", roles(u.firstMembership(), false), "memberGroups", List.of(),
                "unit", units.ofUser(unit(u)), "physicalUnit", units.ofUser(unit(u)), "url", url(u));
        addMetaFields(m);
        return m;
    }

    /** {@code GET /users/current} (user-current.json): the single form plus abilities and memberUnits. */
    Map<String, Object> current(UserRow u) {
        Map<String, Object> single = single(u);
        Map<String, Object> m = new LinkedHashMap<>();
        single.forEach((k, v) -> {
            if (k.equals("permissions")) {
                m.put("abilities", ABILITIES);
            }
            if (k.equals("unit")) {
                m.put("memberUnits", u.memberships().stream().map(this::memberUnit).toList());
            }
            m.put(k, v);
        });
        return m;
    }

    /**
     * {@code GET /users/{id}/units}: the memberships in order, each
     * {@code {"unit", "department" (null when none), "userTypes": [{"id","name"}]}}.
     */
    List<Map<String, Object>> memberships(UserRow u) {
        return u.memberships().stream().map(m -> object("unit", units.ofUser(state.unit(m.unitId())),
                "department", m.hasDepartment() ? units.ofUser(state.unit(m.departmentId())) : null,
                "userTypes", roles(m, false))).toList();
    }

    /** The body of a user webhook delivery (webhook-delivery-user.json): no settings, no reference. */
    Map<String, Object> delivery(UserRow u) {
        return object("content_type", "user", "id", u.id(), "name", u.name(), "first_name", u.firstName(),
                "last_name", u.lastName(), "title", u.title(), "active", u.active(), "ask_about", "",
                "country", "", "quote", "", "description", "", "phone", "", "email", u.email(),
                "abilities", ABILITIES, "userTypes", roles(u.firstMembership(), false),
                "unit", units.ofUserInWebhook(unit(u)), "physicalUnit", units.ofUserInWebhook(unit(u)),
                "url", url(u));
    }

    /** A webhook's {@code author} (webhook-single.json). */
    Map<String, Object> author(UserRow u) {
        return object("content_type", "user", "id", u.id(), "name", u.name(), "first_name", u.firstName(),
                "last_name", u.lastName(), "title", u.title(), "active", u.active(),
                "permissions", object("edit", true, "delete", deletable(u)), "avatar", null,
                "unit", units.ofUserInWebhook(unit(u)), "physicalUnit", units.ofUserInWebhook(unit(u)),
                "url", url(u));
    }

    /** In memberUnits Ziik documents a missing department as {@code {}}, not null. */
    private Map<String, Object> memberUnit(Membership m) {
        return object("abilities", ABILITIES, "unit", units.ofUser(state.unit(m.unitId())),
                "department", m.hasDepartment() ? units.ofUser(state.unit(m.departmentId())) : Map.of(),
                "userTypes", roles(m, true));
    }

    private List<Map<String, Object>> roles(Membership m, boolean withAbilities) {
        return m.roleIds().stream().map(state::role).map(r -> withAbilities
                ? object("id", r.id(), "name", r.name(), "abilities", ABILITIES)
                : object("id", r.id(), "name", r.name())).toList();
    }

    /** The user's unit is the first membership's unit; Ziik's physicalUnit is the same here. */
    private UnitRow unit(UserRow u) {
        return state.unit(u.firstMembership().unitId());
    }

    private boolean isAdmin(UserRow u) {
        return state.credentials().isAdmin(u.id());
    }

    /** Every user but the integration's own account, which the organisation refuses to delete. */
    private boolean deletable(UserRow u) {
        return u.id() != state.adminUserId();
    }

    private static void addMetaFields(Map<String, Object> m) {
        for (int i = 0; i < 5; i++) {
            m.put("meta_field_" + i, null);
        }
    }

    private static String url(UserRow u) {
        return "api/users/" + u.id();
    }
}
