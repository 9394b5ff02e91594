/**
 * What the integration did and found: the activity log (what each synchronisation did to each
 * object, newest first) and the problems recorded against objects (name conflicts, blocked
 * deletes, refusals, unsupported languages), which the status shows.
 */
package io.ziiklb.audit;
