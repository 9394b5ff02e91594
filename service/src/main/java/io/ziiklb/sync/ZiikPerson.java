package io.ziiklb.sync;

import io.ziiklb.ziik.ZiikMembership;
import io.ziiklb.ziik.ZiikUser;
import java.util.List;

/** A Ziik user with its memberships, in Ziik's order. */
public record ZiikPerson(ZiikUser user, List<ZiikMembership> memberships) {
    public ZiikPerson {
        memberships = List.copyOf(memberships);
    }

    public long id() {
        return user.id();
    }
}
