package io.ziiklb.ziik;

import java.util.List;
import java.util.Optional;

/**
 * {@link ZiikReads} by the {@link ZiikClient}: each call is passed on as it is. A wrapper rather
 * than {@code ZiikClient implements ZiikReads} only because the client was being changed elsewhere
 * when the port was introduced; declaring it on the client later makes this class unnecessary.
 */
final class ZiikClientReads implements ZiikReads {
    private final ZiikClient client;

    ZiikClientReads(ZiikClient client) {
        this.client = java.util.Objects.requireNonNull(client);
    }

    @Override
    public List<ZiikUnit> units() {
        return client.units();
    }

    @Override
    public List<ZiikRole> roles() {
        return client.roles();
    }

    @Override
    public List<ZiikUserSummary> activeUsers() {
        return client.activeUsers();
    }

    @Override
    public List<ZiikUserSummary> inactiveUsers() {
        return client.inactiveUsers();
    }

    @Override
    public Optional<ZiikUser> user(long id) {
        return client.user(id);
    }

    @Override
    public List<ZiikMembership> memberships(long userId) {
        return client.memberships(userId);
    }

    @Override
    public String toString() {
        return client.toString();
    }
}
