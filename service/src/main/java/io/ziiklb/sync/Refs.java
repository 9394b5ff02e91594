package io.ziiklb.sync;

import java.util.List;

/**
 * A user's departments or permission types as they should be: the ids ziiklb does not manage, kept
 * as they are, then the Ziik units or roles whose linked ids go with them, resolved only when the
 * operation runs (a department created earlier in the same plan has no id when planning).
 */
public record Refs(List<String> keep, List<Long> ziikIds) {
    public Refs {
        keep = List.copyOf(keep);
        ziikIds = List.copyOf(ziikIds);
    }
}
