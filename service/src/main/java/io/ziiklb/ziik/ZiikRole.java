package io.ziiklb.ziik;

/** A Ziik role ("user type"). */
public record ZiikRole(long id, String name) {
}
