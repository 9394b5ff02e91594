package io.ziiklb.sync;

import io.ziiklb.learningbank.LbPermissionType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule O2 across a crash, for permission types. A type create is recorded as an intent before it
 * is sent; if the process died before the answer's link was written, the type may exist without a
 * link, and would look like a customer's own type, which rule R2 adopts and never deletes (the
 * soak lost two types so, their roles deleted meanwhile). Before planning, each intent is settled:
 * the unlinked type of its name (compared as names are, case-insensitively; never a system type,
 * which ziiklb cannot have made) is linked to the role as ziiklb's own, not adopted, so the normal
 * rules rename or delete it with its role; when there is none (the create never applied), or the
 * role is linked already, the intent is dropped.
 *
 * @param reclaimed roles → the type their interrupted create made
 * @param dropped   roles whose intent found nothing
 */
record InterruptedTypeCreates(Map<Long, String> reclaimed, Set<Long> dropped) {

    static InterruptedTypeCreates find(Links links, List<LbPermissionType> types) {
        Map<Long, String> reclaimed = new HashMap<>();
        Set<Long> dropped = new HashSet<>();
        if (links.typeIntents().isEmpty()) {
            return new InterruptedTypeCreates(reclaimed, dropped);
        }
        Set<String> linked = new HashSet<>();
        links.roles().values().forEach(link -> linked.add(link.permissionTypeId()));
        Map<String, LbPermissionType> byName = new HashMap<>();
        types.forEach(t -> byName.put(NameClaims.key(t.name()), t));
        links.typeIntents().forEach((roleId, name) -> {
            LbPermissionType made = byName.get(NameClaims.key(name));
            if (!links.roles().containsKey(roleId) && made != null && !made.system() && linked.add(made.id())) {
                reclaimed.put(roleId, made.id());
            } else {
                dropped.add(roleId);
            }
        });
        return new InterruptedTypeCreates(reclaimed, dropped);
    }

    /** The links as they are once the intents are settled (the intents themselves gone). */
    Links applyTo(Links links) {
        Map<Long, Links.RoleLink> roles = new HashMap<>(links.roles());
        reclaimed.forEach((roleId, typeId) -> roles.put(roleId, new Links.RoleLink(typeId, false)));
        return new Links(links.units(), roles, links.users(), links.createIntents());
    }

    /** Settles the intents in the store: the found types linked as ziiklb's own, the rest dropped. */
    void settle(LinkStore store) {
        reclaimed.forEach((roleId, typeId) -> store.linkPermissionType(roleId, typeId, false));
        dropped.forEach(store::dropTypeIntent);
    }
}
