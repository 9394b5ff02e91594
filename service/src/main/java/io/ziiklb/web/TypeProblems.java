package io.ziiklb.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;

/**
 * Every value of the wrong type in a body, not only the first: Jackson stops at the first, so each
 * deserializer of the API's mapper is wrapped to note a value it refuses (under its field's name)
 * and go on reading; the outermost one then throws {@link Collected} with all of them. Members the
 * request does not have are noted the same way. Only a refusal at the value's first token is
 * noted (the reader has consumed nothing of it, so it can skip the value whole); anything else
 * fails as Jackson would.
 */
final class TypeProblems {
    private static final Object NOTED = TypeProblems.class;
    /** Enough to say what is wrong; a body of many thousand bad members does not get an answer of as many. */
    static final int MAX_NOTED = 100;
    private static final int MAX_NAME = 64;

    private TypeProblems() {
    }

    /** All the values of the wrong type, by field. */
    static final class Collected extends MismatchedInputException {
        private final Map<String, List<String>> fields;

        Collected(JsonParser p, Map<String, List<String>> fields) {
            super(p, "values of the wrong type in " + fields.keySet());
            this.fields = fields;
        }

        Map<String, List<String>> fields() {
            return fields;
        }
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("api-type-problems");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                                                           ValueDeserializer<?> deserializer) {
                return new Noting(deserializer);
            }

            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                     BeanDescription.Supplier bean,
                                                                     ValueDeserializer<?> deserializer) {
                return new Noting(deserializer);
            }
        });
        return module;
    }

    /** Notes a member the request does not have, and skips it, while a body is being read. */
    static DeserializationProblemHandler unknownMembers() {
        return new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                                                 Object beanOrClass, String propertyName) {
                Reading reading = reading(ctxt);
                if (reading == null || reading.values.isEmpty()) {
                    return false;
                }
                String object = reading.values.peekLast(); // the parser may be a replay here: its own path is not the body's
                if (printable(propertyName)) {
                    reading.note(object.isEmpty() ? propertyName : object + "." + propertyName, "is not a field of this request");
                } else { // a name not worth repeating back (too long, control characters): named by where it is
                    reading.note(object.isEmpty() ? "body" : object, "has a member that is not a field of this request");
                }
                p.skipChildren();
                return true;
            }
        };
    }

    /** What one read has noted so far, and the path of each value being read, innermost last. */
    private static final class Reading {
        final Map<String, List<String>> noted = new LinkedHashMap<>();
        final Deque<String> values = new ArrayDeque<>();

        void note(String field, String problem) {
            if (noted.size() < MAX_NOTED || noted.containsKey(field)) {
                noted.computeIfAbsent(field, f -> new ArrayList<>()).add(problem);
            }
        }
    }

    private static Reading reading(DeserializationContext ctxt) {
        return (Reading) ctxt.getAttribute(NOTED);
    }

    /** {@code /settings/excludedEmails/2} as the API names it: {@code settings.excludedEmails[2]}. */
    static String field(JsonPointer pointer) {
        StringBuilder name = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.getMatchingIndex() >= 0) {
                name.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return name.toString();
    }

    private static boolean printable(String name) {
        return name.length() <= MAX_NAME && name.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** The path of the value the parser stands at; at an object's or array's start it stands inside it already. */
    private static JsonPointer valuePath(JsonParser p) {
        JsonToken token = p.currentToken();
        return token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
                ? p.streamReadContext().getParent().pathAsPointer() : p.streamReadContext().pathAsPointer();
    }

    private static final class Noting extends DelegatingDeserializer {
        Noting(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Noting(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            Reading reading = reading(ctxt);
            boolean outermost = reading == null;
            if (outermost) {
                reading = new Reading();
                ctxt.setAttribute(NOTED, reading);
            }
            TokenStreamLocation at = p.currentTokenLocation();
            String path = field(valuePath(p));
            reading.values.addLast(path);
            Object value;
            try {
                value = super.deserialize(p, ctxt);
            } catch (MismatchedInputException | InputCoercionException e) {
                if (e instanceof Collected || !outermost && !at.equals(p.currentTokenLocation())) {
                    throw e;
                }
                if (outermost) {
                    if (reading.noted.isEmpty()) {
                        throw e;
                    }
                    throw new Collected(p, reading.noted);
                }
                reading.note(path, UnreadableBody.expected(e));
                p.skipChildren();
                return null;
            } finally {
                reading.values.removeLast();
            }
            if (outermost && !reading.noted.isEmpty()) {
                throw new Collected(p, reading.noted);
            }
            return value;
        }
    }
}
