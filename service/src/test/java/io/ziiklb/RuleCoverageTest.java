package io.ziiklb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the rules page ({@code docs/sync-rules.md}) has at least one test named after it, {@code <RULE>_<what it pins>}
 * (e.g. {@code P5_firstMatchingRoleOfTheFirstMembershipWins}). Reads the test sources: surefire runs
 * before failsafe, so the integration tests are not compiled classes to scan yet, but their sources are.
 */
class RuleCoverageTest {
    /** The rules, as the rules page ({@code docs/sync-rules.md}) numbers them: U1-U6, R1-R3, P1-P8, L1-L6, O1-O3. */
    static final List<String> RULES = List.of(
            "U1", "U2", "U3", "U4", "U5", "U6",
            "R1", "R2", "R3",
            "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8",
            "L1", "L2", "L3", "L4", "L5", "L6",
            "O1", "O2", "O3");
    private static final Path SOURCES = Path.of("src/test/java/io/ziiklb");
    /** A method declaration {@code void ID_name(}; it counts when the annotations above it make it a test. */
    private static final Pattern METHOD = Pattern.compile("^\\s*(?:public\\s+|protected\\s+)?void\\s+([UROPL][0-9])_\\w+\\s*\\(");

    /** The rules page, from the service module's directory (where Maven runs its tests). */
    private static final Path RULES_PAGE = Path.of("../docs/sync-rules.md");

    @Test
    void theRuleListIsTheRulesPage() throws IOException {
        Matcher rule = Pattern.compile("^- \\*\\*([UROPL][0-9])\\*\\*", Pattern.MULTILINE).matcher(Files.readString(RULES_PAGE));
        List<String> onThePage = new java.util.ArrayList<>();
        while (rule.find()) {
            onThePage.add(rule.group(1));
        }
        assertThat(RULES).hasSize(6 + 3 + 8 + 6 + 3).doesNotHaveDuplicates().isEqualTo(onThePage);
    }

    @Test
    void everyRuleHasATestNamedAfterIt() throws IOException {
        Set<String> covered = coveredRules(SOURCES);
        assertThat(RULES).as("rules with no test method named <RULE>_... under %s (found %s)", SOURCES.toAbsolutePath(), covered)
                .allMatch(covered::contains);
    }

    @Test
    void theScanSeesOnlyTestMethodsNamedAfterARule() {
        String source = """
                class X {
                    @Test
                    void U1_pinned() { }
                    @ParameterizedTest(name = "{0}")
                    @MethodSource("codes")
                    void P7_table(String code) { }
                    void O2_helperNotATest() { }
                    @Test
                    void notARule() { }
                }
                """;
        assertThat(rulesIn(source)).containsExactlyInAnyOrder("U1", "P7");
    }

    static Set<String> coveredRules(Path root) throws IOException {
        Set<String> covered = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            // this file is left out: its own sample source below names rules without testing them
            files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("RuleCoverageTest.java")).forEach(f -> {
                try {
                    covered.addAll(rulesIn(Files.readString(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return covered;
    }

    static Set<String> rulesIn(String source) {
        Set<String> found = new TreeSet<>();
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = METHOD.matcher(lines.get(i));
            if (m.find() && annotatedAsTest(lines, i)) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /** True when the annotation lines right above line {@code at} hold {@code @Test} or {@code @ParameterizedTest}. */
    private static boolean annotatedAsTest(List<String> lines, int at) {
        for (int j = at - 1; j >= 0 && lines.get(j).strip().startsWith("@"); j--) {
            String annotation = lines.get(j).strip();
            if (annotation.matches("@(Test|ParameterizedTest)\\b.*")) {
                return true;
            }
        }
        return false;
    }
}
