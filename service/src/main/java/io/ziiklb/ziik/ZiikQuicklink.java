package io.ziiklb.ziik;

/** A quicklink (a shortcut people see in Ziik): its name and the static URL it opens. */
public record ZiikQuicklink(long id, String name, String link) {
}
