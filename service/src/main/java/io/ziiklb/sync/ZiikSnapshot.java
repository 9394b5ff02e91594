package io.ziiklb.sync;

import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUnit;
import java.util.List;
import java.util.Map;

/**
 * What Ziik holds. {@code people} are every user that is not anonymised, active or not, by id; a
 * linked user absent from it is gone (deleted or anonymised).
 */
public record ZiikSnapshot(List<ZiikUnit> units, List<ZiikRole> roles, Map<Long, ZiikPerson> people) {
    public ZiikSnapshot {
        units = List.copyOf(units);
        roles = List.copyOf(roles);
        people = Map.copyOf(people);
    }
}
