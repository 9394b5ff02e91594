package io.ziiklb.web;

import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * A query string Tomcat could not decode (a broken percent escape, bytes that are no UTF-8): the
 * caller's mistake, so a 400, although Tomcat raises it as an exception from wherever a parameter
 * was first asked for.
 */
public final class BadQuery {
    public static final String MESSAGE = "the query string is not valid (a broken % escape or bytes that are not UTF-8)";

    private BadQuery() {
    }

    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidParameterException) {
                return true;
            }
        }
        return false;
    }
}
