package io.ziiklb.sync;

/**
 * The integration's {@link WriteGate} closed while a plan ran: the steps in flight ended, the rest
 * were not run. Not a failure of Learningbank nor of the plan: whoever runs the work ends it
 * without marking the integration unwell and without retrying it.
 */
public final class WritesStopped extends RuntimeException {
    WritesStopped(String reason) {
        super(reason, null, false, false);
    }
}
