package io.ziiklb.testing;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Bad JSON bodies for a route's {@code @RequestBody} type, made from the type itself (its record
 * components, recursively), so that a new field or a new route gets them too: hostile strings in
 * every text field, wrong types, arrays where objects belong, nulls in lists, numbers out of range.
 * Every variant is bad in every field, so none of them can be a request the service should take.
 */
public final class HostileBodies {
    /** Present in every hostile string, so that a test can look for it where it must not be (the log). */
    public static final String MARK = "hostile-marker-5b1e";
    public static final Map<String, String> STRINGS = Map.of(
            "CRLF", MARK + "\r\nX-Injected: 1",
            "NUL", MARK + "\u0000after",
            "lone surrogate", MARK + "\ud800",
            "100k characters", MARK + "x".repeat(100_000),
            "script", "<script>" + MARK + "</script>");

    private HostileBodies() {
    }

    enum Leaf { TEXT, FLAG, NUMBER, LIST, OTHER }

    /** A way to fill a body: what each leaf gets, and what an object becomes. */
    public record Variant(String name, Function<Leaf, Object> leaf, Function<Map<String, Object>, Object> object) {
        Variant(String name, Function<Leaf, Object> leaf) {
            this(name, leaf, members -> members);
        }
    }

    /** The bodies for {@code type}, by name. */
    public static Map<String, String> of(Class<?> type) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Variant v : variants()) {
            bodies.put(v.name(), JsonText.of(fill(type, v, true)));
        }
        bodies.put("top-level array", JsonText.of(List.of(fill(type, variants().getFirst(), true))));
        return bodies;
    }

    private static List<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        STRINGS.forEach((name, s) -> variants.add(new Variant("every string " + name, leaf -> switch (leaf) {
            case TEXT -> s;
            case FLAG -> true;
            case NUMBER -> 1;
            case LIST -> Arrays.asList(s, null);
            case OTHER -> Map.of("x", s);
        })));
        variants.add(new Variant("wrong types (numbers for text, strings for flags, fractions)", leaf -> switch (leaf) {
            case TEXT -> 5;
            case FLAG -> "true";
            case NUMBER -> 1.5;
            case LIST -> "a@b.co";
            case OTHER -> 1;
        }));
        variants.add(new Variant("wrong types (flags for text, 1 for flags, strings for numbers)", leaf -> switch (leaf) {
            case TEXT -> true;
            case FLAG -> 1;
            case NUMBER -> "1";
            case LIST -> Map.of();
            case OTHER -> "x";
        }));
        variants.add(new Variant("numbers beyond an int", leaf -> switch (leaf) {
            case TEXT -> "<b>" + MARK;
            case FLAG -> false;
            case NUMBER -> 3_000_000_000L;
            case LIST -> List.of();
            case OTHER -> Map.of();
        }));
        variants.add(new Variant("nulls, and a null in each list", leaf -> leaf == Leaf.LIST ? Arrays.asList((Object) null) : null));
        variants.add(new Variant("objects for scalars", leaf -> leaf == Leaf.LIST ? List.of(Map.of()) : Map.of("a", 1)));
        variants.add(new Variant("arrays for objects", leaf -> leaf == Leaf.LIST ? List.of(List.of()) : List.of(),
                members -> List.of(members)));
        variants.add(new Variant("strings for objects", leaf -> leaf == Leaf.LIST ? List.of("\r\n") : "\r\n", members -> MARK));
        return variants;
    }

    private static Object fill(Class<?> type, Variant v, boolean top) {
        if (type.isRecord()) {
            Map<String, Object> members = new LinkedHashMap<>();
            for (RecordComponent c : type.getRecordComponents()) {
                members.put(c.getName(), fill(c.getType(), v, false));
            }
            return top ? members : v.object().apply(members);
        }
        if (type == String.class) {
            return v.leaf().apply(Leaf.TEXT);
        }
        if (type == Boolean.class || type == boolean.class) {
            return v.leaf().apply(Leaf.FLAG);
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return v.leaf().apply(Leaf.NUMBER);
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return v.leaf().apply(Leaf.LIST);
        }
        return v.leaf().apply(Leaf.OTHER);
    }
}
