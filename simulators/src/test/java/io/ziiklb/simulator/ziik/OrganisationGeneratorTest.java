package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated organisation: deterministic, sized as promised, and as untidy as real ones. */
class OrganisationGeneratorTest {
    private static ZiikOrganisation tenThousand;
    private static OrganisationGenerator.Summary summary;

    @BeforeAll
    static void generate() {
        tenThousand = fresh();
        summary = OrganisationGenerator.populate(tenThousand, 10_000, 42);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 333, 2_000})
    void theSameSeedAndSizeGiveTheSameOrganisation(int users) {
        ZiikOrganisation a = fresh();
        ZiikOrganisation b = fresh();
        ZiikOrganisation c = fresh();
        OrganisationGenerator.populate(a, users, 7);
        OrganisationGenerator.populate(b, users, 7);
        OrganisationGenerator.populate(c, users, 8);

        assertThat(fingerprint(a)).isEqualTo(fingerprint(b)).isNotEqualTo(fingerprint(c));
    }

    @Test
    void tenThousandUsersMakeAboutSixHundredUnitsAndFortyRoles() {
        assertThat(summary.users()).isEqualTo(10_000);
        assertThat(summary.units()).isBetween(540, 680);
        assertThat(summary.roles()).isEqualTo(40);
        assertThat(summary.maxLevel()).isBetween(4, 5);
        assertThat(summary.departments()).isPositive();
        assertThat(summary.roleNames()).contains("Chef", "Waiter", "Manager")
                .isEqualTo(OrganisationGenerator.roleCatalogue().subList(0, 40));
        ZiikOrganisation.Summary org = tenThousand.summary();
        assertThat(org.units()).isEqualTo(summary.units());
        assertThat(org.activeUsers() + org.inactiveUsers()).isEqualTo(10_001);
        assertThat(org.roles()).isEqualTo(41);
    }

    @ParameterizedTest
    @CsvSource({"10, 13", "1000, 31", "10000, 40", "100000, 49"})
    void rolesGrowWithTheOrganisation(int users, int roles) {
        assertThat(OrganisationGenerator.roleCount(users)).isEqualTo(roles);
    }

    @Test
    void unitNamesRepeatInDifferentBranchesButNotAmongSiblings() {
        Map<String, Long> byName = tenThousand.read(s -> s.units().stream().collect(Collectors.groupingBy(UnitRow::name, Collectors.counting())));
        assertThat(byName.get("Kitchen")).isGreaterThan(100);
        assertThat(byName.get("North")).isGreaterThan(1);
        assertThat(byName.get("Harbour")).isGreaterThan(1);
        Set<String> siblings = new HashSet<>();
        boolean unique = tenThousand.read(s -> s.units().stream().allMatch(u -> siblings.add(u.parentId() + "/" + u.name())));
        assertThat(unique).isTrue();
    }

    @Test
    void usersHaveOneToThreeMembershipsTheFirstWithOneOrTwoRoles() {
        Map<Integer, Long> membershipCounts = count(u -> u.memberships().size());
        Map<Integer, Long> firstRoleCounts = count(u -> u.firstMembership().roleIds().size());

        assertThat(membershipCounts.keySet()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(membershipCounts.get(1)).isGreaterThan(6_000);
        assertThat(firstRoleCounts.keySet()).containsExactlyInAnyOrder(1, 2);
        assertThat(firstRoleCounts.get(2)).isBetween(2_000L, 4_000L);
    }

    @Test
    void aboutFivePercentAreDeactivated() {
        assertThat(summary.deactivated()).isBetween(350, 650);
        assertThat(tenThousand.summary().inactiveUsers()).isEqualTo(summary.deactivated());
    }

    @Test
    void languagesAreMixedIncludingSomeLearningbankLacks() {
        Map<String, Long> languages = count(UserRow::language);

        assertThat(languages.keySet()).contains("da", "en", "de", "sv", "nb", "is", "kl", "uk", "ar");
        long nordicAndEnglish = Stream.of("da", "en", "de", "sv", "nb").mapToLong(languages::get).sum();
        assertThat(nordicAndEnglish).as("mostly da/en/de/sv/nb: %s", languages).isGreaterThan(8_000L);
    }

    @Test
    void emailsAreUniqueIgnoringCaseAndSomeAreMixedCase() {
        List<String> emails = tenThousand.read(s -> s.users().stream().map(UserRow::email).toList());

        assertThat(emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct()).hasSize(emails.size());
        assertThat(emails).allMatch(e -> e.matches("[A-Za-z0-9.@-]+"));
        assertThat(emails.stream().filter(e -> !e.equals(e.toLowerCase(Locale.ROOT))).count()).isBetween(100L, 600L);
    }

    @Test
    void generatingFiresNoWebhooksAndCanRunTwice() {
        Map<String, Integer> fired = new HashMap<>();
        ZiikOrganisation org = new ZiikOrganisation("admin@example.com", (t, m, b) -> fired.merge(t, 1, Integer::sum));

        OrganisationGenerator.populate(org, 100, 1);
        OrganisationGenerator.populate(org, 100, 1);

        assertThat(fired).isEmpty();
        assertThat(org.summary().activeUsers() + org.summary().inactiveUsers()).isEqualTo(201);
        assertThat(org.summary().roles()).isEqualTo(1 + OrganisationGenerator.roleCount(100));
    }

    @Test
    void aHundredThousandUsersGenerate() {
        ZiikOrganisation org = fresh();

        OrganisationGenerator.Summary big = OrganisationGenerator.populate(org, OrganisationGenerator.MAX_USERS, 3);

        assertThat(big.units()).isBetween(5_400, 6_800);
        assertThat(org.summary().activeUsers() + org.summary().inactiveUsers()).isEqualTo(100_001);
    }

    /** Generated users (not the admin account) counted by a key. */
    private static <K> Map<K, Long> count(Function<UserRow, K> key) {
        return tenThousand.read(s -> s.users().stream().filter(u -> u.id() != s.adminUserId())
                .collect(Collectors.groupingBy(key, Collectors.counting())));
    }

    private static ZiikOrganisation fresh() {
        return new ZiikOrganisation("admin@example.com", OrgEvents.NONE);
    }

    /** Everything generated, ids included, as one comparable value. */
    private static List<String> fingerprint(ZiikOrganisation org) {
        return org.read(s -> Stream.of(s.units(), s.roles(), s.users()).flatMap(rows -> rows.stream().map(Object::toString)).toList());
    }
}
