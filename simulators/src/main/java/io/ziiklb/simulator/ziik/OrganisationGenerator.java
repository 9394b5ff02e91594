package io.ziiklb.simulator.ziik;

import io.ziiklb.simulator.ziik.GeneratorCatalogue.RoleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a realistic organisation: a restaurant chain with a unit tree 5 levels deep (company →
 * country → region → site → section → kitchen station), about one unit per 16 users, about 40
 * roles at 10,000 users (fewer in small organisations), unit names repeated across branches, 1–3
 * memberships per user, mixed languages (including some Learningbank lacks: {@code is}, {@code kl},
 * {@code uk}, {@code ar}), unique emails (some in mixed case) and about 5% deactivated users.
 *
 * <p>Deterministic: the same seed and size on a fresh organisation give the same organisation,
 * ids included. Fast and compact: 100,000 users take well under a few seconds and no per-user
 * objects beyond the stored rows. The load is a data import: it fires no webhooks.
 */
public final class OrganisationGenerator {
    public static final int MAX_USERS = 100_000;

    private OrganisationGenerator() {
    }

    /**
     * What one {@link #populate} call made: the renamed top unit counts among the units; the admin
     * account and its role do not count.
     *
     * @param roleNames the roles it used, in id order (some equal job profile names: Chef, Waiter, Manager)
     */
    public record Summary(String company, int units, int departments, int roles, int users, int deactivated,
                          int maxLevel, List<String> roleNames) {
    }

    /**
     * Every role name a generated organisation may have, in the order organisations grow into them;
     * an organisation of {@code n} users has the first {@link #roleCount(int) roleCount(n)}.
     */
    public static List<String> roleCatalogue() {
        return GeneratorCatalogue.ROLES.stream().map(RoleSpec::name).toList();
    }

    /** Roles in an organisation of this many users: 13 at 10 users, 40 at 10,000, 49 at 100,000. */
    public static int roleCount(int users) {
        long count = Math.round(4 + 9 * Math.log10(Math.max(1, users)));
        return (int) Math.clamp(count, 5, GeneratorCatalogue.ROLES.size());
    }

    /**
     * Adds a generated organisation to {@code org} (renaming its top unit to the company), without
     * firing webhooks. Roles whose names already exist are reused rather than duplicated.
     *
     * @param users 1 to {@value #MAX_USERS}
     * @throws IllegalArgumentException for a size out of range
     */
    public static Summary populate(ZiikOrganisation org, int users, long seed) {
        if (users < 1 || users > MAX_USERS) {
            throw new IllegalArgumentException("users must be between 1 and " + MAX_USERS);
        }
        Random random = new Random(seed);
        String company = GeneratorCatalogue.COMPANIES.get(random.nextInt(GeneratorCatalogue.COMPANIES.size()));
        String domain = GeneratorCatalogue.fold(company) + ".example";
        List<RoleSpec> specs = GeneratorCatalogue.ROLES.subList(0, roleCount(users));
        return org.importSilently(state -> {
            List<RoleRow> roles = new ArrayList<>();
            for (RoleSpec spec : specs) {
                roles.add(state.roles().stream().filter(r -> r.name().equals(spec.name())).findFirst()
                        .orElseGet(() -> state.addRole(spec.name())));
            }
            GeneratedTree tree = new UnitTreeGenerator(state, random).grow(users, company);
            int deactivated = new PeopleGenerator(state, random, tree, domain, specs, roles).add(users);
            return new Summary(company, tree.units(), tree.departments(), roles.size(), users, deactivated,
                    tree.maxLevel(), roles.stream().map(RoleRow::name).toList());
        });
    }
}
