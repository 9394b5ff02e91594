package io.ziiklb.simulator.ziik;

import java.util.function.Supplier;

/**
 * Where {@link ZiikOrganisation} reports its changes, one call per webhook event, in the order the
 * changes were made. Called while the organisation is locked, so the body supplier sees the state
 * right after the change; it is only invoked when someone wants the event.
 */
interface OrgEvents {
    OrgEvents NONE = (trigger, membershipChange, body) -> {
    };

    /**
     * @param trigger          one of the six webhook triggers, e.g. {@code "user.update"}
     * @param membershipChange true when the event is a membership change, which only fires when
     *                         {@link DeliverySwitches#membershipChangesFireUserUpdate()} is on
     * @param body             the delivery body: the bare user or unit object
     */
    void fire(String trigger, boolean membershipChange, Supplier<Object> body);
}
