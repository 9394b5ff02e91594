package io.ziiklb.simulator.ziik;

import io.ziiklb.simulator.ziik.GeneratedTree.Site;
import io.ziiklb.simulator.ziik.GeneratedTree.Slot;
import io.ziiklb.simulator.ziik.GeneratorCatalogue.RoleSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Adds the people of a generated organisation: most work in a site's section, some run a site,
 * a few sit in a region, a country or at the top. 1 to 3 memberships each (the first with 1 or 2
 * roles fitting the place), unique emails (some in mixed case), the country's language mostly,
 * and about 5% deactivated.
 */
final class PeopleGenerator {
    private final OrgState state;
    private final Random random;
    private final GeneratedTree tree;
    private final String domain;
    private final Map<PlaceKind, List<Integer>> rolesByKind = new EnumMap<>(PlaceKind.class);
    private final List<Integer> generalRoles = new ArrayList<>();
    private final List<Integer> allRoles = new ArrayList<>();

    /** @param roles the roles to hand out, with their specs in the same order */
    PeopleGenerator(OrgState state, Random random, GeneratedTree tree, String domain, List<RoleSpec> specs, List<RoleRow> roles) {
        this.state = state;
        this.random = random;
        this.tree = tree;
        this.domain = domain;
        for (int i = 0; i < roles.size(); i++) {
            int id = roles.get(i).id();
            allRoles.add(id);
            if (specs.get(i).kinds().isEmpty()) {
                generalRoles.add(id);
            }
            specs.get(i).kinds().forEach(kind -> rolesByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(id));
        }
    }

    /** Adds {@code count} users. Returns how many of them are deactivated. */
    int add(int count) {
        int deactivated = 0;
        for (int i = 0; i < count; i++) {
            UserRow user = person();
            state.putUser(user);
            if (!user.active()) {
                deactivated++;
            }
        }
        return deactivated;
    }

    /** Where someone works first; {@code site} is null above the sites. */
    private record Place(Slot slot, Site site) {
    }

    private UserRow person() {
        Place place = firstPlace();
        Slot first = place.slot();
        List<Membership> memberships = new ArrayList<>(3);
        memberships.add(first.membership(roles(first.kind(), random.nextDouble() < 0.3 ? 2 : 1)));
        if (random.nextDouble() < 0.25) {
            addExtra(memberships, place);
            if (random.nextDouble() < 0.2) {
                addExtra(memberships, place);
            }
        }
        int id = state.nextUserId();
        int f = random.nextInt(GeneratorCatalogue.FIRST_NAMES.size());
        int l = random.nextInt(GeneratorCatalogue.LAST_NAMES.size());
        String local = GeneratorCatalogue.FOLDED_FIRST_NAMES.get(f) + "." + GeneratorCatalogue.FOLDED_LAST_NAMES.get(l) + "." + id;
        // some people typed their address with capitals; the product must match emails without case
        String email = random.nextDouble() < 0.03 ? capitalised(local) + "@" + capitalised(domain) : local + "@" + domain;
        String title = state.role(memberships.getFirst().roleIds().getFirst()).name();
        return new UserRow(id, GeneratorCatalogue.FIRST_NAMES.get(f), GeneratorCatalogue.LAST_NAMES.get(l), email, title,
                language(first), first.country().timezone(), random.nextDouble() >= 0.05, memberships);
    }

    private Place firstPlace() {
        double p = random.nextDouble();
        if (p < 0.02) {
            return new Place(tree.top(), null);
        }
        if (p < 0.05) {
            return new Place(pick(tree.upper()), null);
        }
        Site site = pick(tree.sites());
        return new Place(p < 0.13 ? site.site() : pick(site.sections()), site);
    }

    /** Another place, usually a section of the same site (helping out next door); skipped if already a member there. */
    private void addExtra(List<Membership> memberships, Place first) {
        Site site = first.site() != null && random.nextDouble() < 0.7 ? first.site() : pick(tree.sites());
        Slot extra = pick(site.sections());
        if (memberships.stream().noneMatch(m -> m.unitId() == extra.unitId())) {
            memberships.add(extra.membership(roles(extra.kind(), 1)));
        }
    }

    /** Roles that fit the place: the first from the place's own roles when it has any, the rest also from general ones. */
    private List<Integer> roles(PlaceKind kind, int count) {
        List<Integer> own = rolesByKind.getOrDefault(kind, List.of());
        List<Integer> picked = new ArrayList<>(count);
        for (int attempt = 0; picked.size() < count && attempt < 8; attempt++) {
            List<Integer> pool = !own.isEmpty() && (picked.isEmpty() || random.nextBoolean()) ? own
                    : generalRoles.isEmpty() ? allRoles : generalRoles;
            Integer role = pick(pool);
            if (!picked.contains(role)) {
                picked.add(role);
            }
        }
        return picked;
    }

    private String language(Slot place) {
        double p = random.nextDouble();
        if (p < 0.65) {
            return place.country().language();
        }
        return p < 0.85 ? "en" : pick(GeneratorCatalogue.OTHER_LANGUAGES);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** "soren.hansen.7" → "Soren.Hansen.7" */
    private static String capitalised(String dotted) {
        StringBuilder out = new StringBuilder(dotted.length());
        boolean start = true;
        for (char c : dotted.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '.';
        }
        return out.toString();
    }
}
