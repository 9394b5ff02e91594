package io.ziiklb.bench;

import io.ziiklb.simulator.ziik.Delivery;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which of the differences the live path left can be put down to a lost delivery: a difference
 * about one user ({@code ziik:<id>} in the oracle's words) whose user had a delivery that Ziik
 * dropped, or that no instance answered. The rest would point at the live path itself (or at a
 * change no delivery carries, such as a moved unit's members, whose paths change with no webhook
 * of theirs). A lenient reading: a later delivery of the same user may have carried the change.
 *
 * @param explained   differences about a user with a lost delivery
 * @param unexplained the others
 */
record DropAttribution(List<String> explained, List<String> unexplained) {
    private static final Pattern USER = Pattern.compile("ziik:(\\d+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static DropAttribution of(List<String> differences, List<Delivery> log) {
        Set<Integer> lost = log.stream().filter(d -> d.dropped() || d.status() / 100 != 2)
                .filter(d -> d.event().startsWith("user."))
                .map(d -> JSON.readTree(d.body()).path("id").asInt()).collect(Collectors.toSet());
        var split = differences.stream().collect(Collectors.partitioningBy(d -> {
            Matcher m = USER.matcher(d);
            return m.find() && lost.contains(Integer.parseInt(m.group(1)));
        }));
        return new DropAttribution(split.get(true), split.get(false));
    }
}
