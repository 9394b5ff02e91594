package io.ziiklb.web;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How the API reads JSON bodies: types exact. {@code "true"} or {@code 1} is not a boolean,
 * {@code 1.5} or {@code "5"} not a whole number, {@code 5} not a string, a lone string not a list,
 * and a number beyond an integer's range fails naming its field instead of wrapping round. A member
 * the request does not have is refused too, so that a misspelt setting is not silently ignored.
 * Applied to the application's JSON mapper, which only Spring MVC uses: the peer clients and the
 * stores have mappers of their own. Every value of the wrong type is reported, not only the first
 * ({@link TypeProblems}).
 */
public final class StrictJson {
    private StrictJson() {
    }

    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // every value of the wrong type named, not only the first
                .addModule(TypeProblems.module())
                .addHandler(TypeProblems.unknownMembers())
                .withCoercionConfigDefaults(c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // a string is a string: the defaults above would refuse it for String itself
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert));
    }

    /** A mapper configured as the API's, for tests and tools. */
    public static JsonMapper mapper() {
        return configure(JsonMapper.builder()).build();
    }
}
