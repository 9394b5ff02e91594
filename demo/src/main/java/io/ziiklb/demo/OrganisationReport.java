package io.ziiklb.demo;

import io.ziiklb.learningbank.LbDepartment;
import io.ziiklb.learningbank.LbJobProfile;
import io.ziiklb.learningbank.LbPermissionType;
import io.ziiklb.learningbank.LbSettings;
import io.ziiklb.learningbank.LbUserFilter;
import io.ziiklb.learningbank.LearningbankClient;
import io.ziiklb.ziik.ZiikClient;
import io.ziiklb.ziik.ZiikMembership;
import io.ziiklb.ziik.ZiikRole;
import io.ziiklb.ziik.ZiikUnit;
import io.ziiklb.ziik.ZiikUser;
import io.ziiklb.ziik.ZiikUserSummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints what each peer holds, read through the service's own clients. */
final class OrganisationReport {
    private final PrintStream out;

    OrganisationReport(PrintStream out) {
        this.out = out;
    }

    void ziik(ZiikClient ziik) throws Exception {
        List<ZiikUnit> units = ziik.units();
        List<ZiikRole> roles = ziik.roles();
        List<ZiikUserSummary> active = ziik.activeUsers();
        List<ZiikUserSummary> inactive = ziik.inactiveUsers();
        Map<Long, ZiikUnit> byId = units.stream().collect(Collectors.toMap(ZiikUnit::id, Function.identity()));
        ZiikUnit top = units.stream().filter(ZiikUnit::isTop).findFirst().orElseThrow();

        out.println("Ziik holds:");
        out.printf("  %,d units under \"%s\", %d levels deep (%,d of type unit, mirrored to Learningbank)%n",
                units.size(), top.name(), units.stream().mapToInt(u -> depth(u, byId)).max().orElse(0) + 1,
                units.stream().filter(ZiikUnit::mirrored).count());
        out.println("  names used by several units: " + repeatedNames(units));
        out.printf("  %d roles: %s%n", roles.size(), abbreviate(roles.stream().map(ZiikRole::name).toList(), 12));
        out.printf("  %,d active and %,d deactivated users%n", active.size(), inactive.size());

        List<UserDetail> details = readAll(ziik, active.stream().limit(500).toList());
        out.printf("  in the first %d active users: languages %s; memberships per user %s%n", details.size(),
                histogram(details, d -> String.valueOf(d.user().language())),
                histogram(details, d -> Integer.toString(d.memberships().size())));
    }

    void learningbank(LearningbankClient lb) {
        LbSettings settings = lb.settings();
        List<LbDepartment> departments = lb.allDepartments();
        List<LbPermissionType> types = lb.allPermissionTypes();
        List<LbJobProfile> profiles = lb.allJobProfiles();
        out.println("Learningbank holds (" + settings.platformUrl() + "):");
        out.printf("  %d department(s), the top one \"%s\"%n", departments.size(),
                departments.stream().filter(LbDepartment::top).map(LbDepartment::name).findFirst().orElse("?"));
        out.printf("  %d permission types: %s%n", types.size(),
                abbreviate(types.stream().map(t -> t.name() + (t.system() ? " (system)" : "")).toList(), 12));
        out.printf("  %d job profiles: %s%n", profiles.size(),
                abbreviate(profiles.stream().map(p -> p.name() + (p.isDefault() ? " (default)" : "")).toList(), 12));
        out.printf("  %,d users%n", lb.allUsers(LbUserFilter.all()).size());
    }

    private record UserDetail(ZiikUser user, List<ZiikMembership> memberships) {
    }

    /** Reads users' details and memberships, 16 at a time. */
    private static List<UserDetail> readAll(ZiikClient ziik, List<ZiikUserSummary> users) throws Exception {
        Semaphore inFlight = new Semaphore(16);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<UserDetail>> futures = new ArrayList<>();
            for (ZiikUserSummary row : users) {
                futures.add(pool.submit(() -> {
                    inFlight.acquire();
                    try {
                        return ziik.user(row.id()).map(u -> new UserDetail(u, ziik.memberships(row.id()))).orElse(null);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<UserDetail> details = new ArrayList<>();
            for (Future<UserDetail> f : futures) {
                if (f.get() != null) {
                    details.add(f.get());
                }
            }
            return details;
        }
    }

    private static int depth(ZiikUnit unit, Map<Long, ZiikUnit> byId) {
        int depth = 0;
        for (ZiikUnit u = unit; u.parentId() != null && byId.containsKey(u.parentId()); u = byId.get(u.parentId())) {
            depth++;
        }
        return depth;
    }

    private static String repeatedNames(List<ZiikUnit> units) {
        Map<String, Long> counts = units.stream().collect(Collectors.groupingBy(ZiikUnit::name, Collectors.counting()));
        return abbreviate(counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " x" + e.getValue())
                .toList(), 6);
    }

    private static <T> String histogram(List<T> items, Function<T, String> key) {
        Map<String, Integer> counts = new HashMap<>();
        items.forEach(i -> counts.merge(key.apply(i), 1, Integer::sum));
        return new TreeMap<>(counts).toString();
    }

    private static String abbreviate(List<String> items, int max) {
        if (items.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", items.subList(0, Math.min(max, items.size())));
        return items.size() > max ? shown + ", ... (" + (items.size() - max) + " more)" : shown;
    }
}
