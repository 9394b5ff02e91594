package io.ziiklb.sync;

/**
 * Lets a full synchronisation's bulk reads give way to work someone is waiting to see: while
 * {@link #othersWaiting()} says so, the reads narrow to a few in flight, so that one integration's
 * 100,000-user synchronisation does not take the CPU from another's single change. The bulk work
 * goes on, slower; it never stops.
 */
@FunctionalInterface
public interface Pace {
    /** Never gives way: for tests, tools, and a process that works no changes. */
    Pace FULL_SPEED = () -> false;

    /** Whether work that someone waits to see (a change) is under way in this process now. */
    boolean othersWaiting();
}
