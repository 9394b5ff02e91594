/**
 * The work the queue runs and the timers that queue it: the live synchronisation of hinted
 * changes and polled roles, and the periodic full synchronisations and role polls.
 */
package io.ziiklb.jobs;
