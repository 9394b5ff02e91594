/**
 * The synchronisation engine. Pure planning ({@link io.ziiklb.sync.Planner}): a Ziik snapshot,
 * Learningbank's state, the integration's links and settings give the desired Learningbank state
 * and an ordered plan of operations, each with the operations it must wait for. No Spring, HTTP or
 * JDBC types here: the planner is tested on its own. The executor runs a plan against the
 * Learningbank client, idempotently.
 */
package io.ziiklb.sync;
