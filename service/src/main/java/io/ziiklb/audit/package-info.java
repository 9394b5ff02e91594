/** The activity log: what each synchronisation did to each object, newest first. */
package io.ziiklb.audit;
