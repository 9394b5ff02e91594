package io.ziiklb.simulator.learningbank;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The job profiles: read-only over the API, so only seeding adds them. Names are matched exactly
 * and case-sensitively and need not be unique. At most one is the default. Not thread-safe:
 * {@link LearningbankState} guards it.
 */
final class JobProfiles {
    private final Map<String, JobProfile> byId = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsByName = new HashMap<>();
    private String defaultId;
    private long sequence;

    /** Seeds a profile; a new default takes the flag from the previous one. */
    JobProfile add(String name, boolean isDefault) {
        new FieldErrors().requireText("name", name).throwIfAny();
        if (isDefault && defaultId != null) {
            JobProfile previous = byId.get(defaultId);
            byId.put(defaultId, new JobProfile(previous.id(), previous.name(), false));
        }
        JobProfile profile = new JobProfile("jp-" + ++sequence, name, isDefault);
        byId.put(profile.id(), profile);
        idsByName.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(profile.id());
        if (isDefault) {
            defaultId = profile.id();
        }
        return profile;
    }

    /** Null when no profile is the default. */
    String defaultId() {
        return defaultId;
    }

    JobProfile find(String id) {
        return byId.get(id);
    }

    /** The first profile seeded with exactly this name, or null. */
    JobProfile findByName(String name) {
        Set<String> ids = idsByName.get(name);
        return ids == null ? null : byId.get(ids.iterator().next());
    }

    JobProfile get(String id) {
        JobProfile profile = byId.get(id);
        if (profile == null) {
            throw Problems.notFound("job profile", id);
        }
        return profile;
    }

    Collection<JobProfile> all() {
        return byId.values();
    }

    Page<JobProfile> list(String name, PageRequest request) {
        if (name == null) {
            return Page.of(byId.values(), p -> true, request);
        }
        List<JobProfile> matches = idsByName.getOrDefault(name, Set.of()).stream().map(byId::get).toList();
        return Page.of(matches, p -> true, request);
    }
}
