package io.ziiklb.simulator.ziik;

import java.util.List;
import java.util.Objects;

/**
 * A quicklink (a shortcut people see in Ziik): a name and a static URL, shown to the users the
 * visibility names. Immutable: a change replaces it.
 *
 * @param link a full URL including the scheme; Ziik adds nothing to it
 */
public record Quicklink(int id, String name, String link, Visibility visibility) {

    public Quicklink {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(visibility, "visibility");
    }

    /**
     * Who sees it, as {@code POST /quicklinks} names them: roles, units, and units whose sub-units
     * see it too ({@code units_falldown}). All empty means everybody (the project's choice).
     */
    public record Visibility(List<Integer> userTypes, List<Integer> units, List<Integer> unitsFalldown) {

        public Visibility {
            userTypes = List.copyOf(userTypes);
            units = List.copyOf(units);
            unitsFalldown = List.copyOf(unitsFalldown);
        }

        public static Visibility everybody() {
            return new Visibility(List.of(), List.of(), List.of());
        }

        public boolean isEverybody() {
            return userTypes.isEmpty() && units.isEmpty() && unitsFalldown.isEmpty();
        }
    }

    Quicklink with(String newName, String newLink, Visibility newVisibility) {
        return new Quicklink(id, newName == null ? name : newName, newLink == null ? link : newLink,
                newVisibility == null ? visibility : newVisibility);
    }
}
