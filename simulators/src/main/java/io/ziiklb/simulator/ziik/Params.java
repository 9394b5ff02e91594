package io.ziiklb.simulator.ziik;

import io.ziiklb.simulator.http.SimProblem;
import io.ziiklb.simulator.http.SimRequest;

/** Request parameters as the API reads them. */
final class Params {
    private Params() {
    }

    /** A numeric path parameter: anything that is not a non-negative int names nothing, so 404. */
    static int id(SimRequest request, String name) {
        try {
            int id = Integer.parseInt(request.pathParam(name));
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to 404
        }
        throw SimProblem.notFound("No query results for " + name + " " + request.pathParam(name) + ".");
    }

    /** A query flag Laravel-style: {@code 1} or {@code true} turn it on. */
    static boolean flag(SimRequest request, String name) {
        return request.queryParam(name).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(false);
    }
}
