package io.ziiklb.sync;

import io.ziiklb.learningbank.LbDepartment;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule O2 across a crash. A department create is recorded as an intent before it is sent; if the
 * process died before the answer's link was written, the department may exist without a link, and
 * would look like a name conflict (rule U6). Before planning, each intent is settled: the unlinked
 * department of its name is linked to the unit, or, when there is none (the create never applied),
 * the intent is dropped.
 *
 * @param reclaimed units → the department their interrupted create made
 * @param dropped   units whose intent found nothing
 */
record InterruptedCreates(Map<Long, String> reclaimed, Set<Long> dropped) {

    static InterruptedCreates find(Links links, List<LbDepartment> departments) {
        Map<Long, String> reclaimed = new HashMap<>();
        Set<Long> dropped = new HashSet<>();
        if (links.createIntents().isEmpty()) {
            return new InterruptedCreates(reclaimed, dropped);
        }
        Set<String> linked = new HashSet<>(links.units().values());
        Map<String, LbDepartment> byName = new HashMap<>();
        departments.forEach(d -> byName.put(NameClaims.key(d.name()), d));
        links.createIntents().forEach((unitId, name) -> {
            LbDepartment made = byName.get(NameClaims.key(name));
            if (!links.units().containsKey(unitId) && made != null && !made.top() && linked.add(made.id())) {
                reclaimed.put(unitId, made.id());
            } else {
                dropped.add(unitId);
            }
        });
        return new InterruptedCreates(reclaimed, dropped);
    }

    /** The links as they are once the intents are settled. */
    Links applyTo(Links links) {
        Map<Long, String> units = new HashMap<>(links.units());
        units.putAll(reclaimed);
        return new Links(units, links.roles(), links.users());
    }

    /** Settles the intents in the store: the found departments linked, the rest dropped. */
    void settle(LinkStore store) {
        reclaimed.forEach(store::linkDepartment);
        dropped.forEach(store::dropCreateIntent);
    }
}
