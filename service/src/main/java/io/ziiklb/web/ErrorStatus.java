package io.ziiklb.web;

import io.ziiklb.http.ErrorBody;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The code and plain message of an error answer by its status, for refusals that carry nothing
 * more specific (the framework's and the container's), and the one way to write such an answer
 * where no message converter is at hand. Never the framework's own message: it may quote the
 * request, name a class or differ between versions.
 */
public final class ErrorStatus {
    private ErrorStatus() {
    }

    /**
     * The status to answer for one the framework chose: Tomcat's 501 for a method it does not
     * implement (CONNECT, an unknown one) is the caller's mistake, so 405; the rest as they are.
     */
    public static int forCaller(int status) {
        return status == 501 ? 405 : status;
    }

    /** The stable code of a status: what a caller's program switches on. */
    public static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 422 -> "invalid";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    /** What a person reads: what was wrong with the request, in general terms. */
    public static String message(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 401 -> "a valid operator token is required (Authorization: Bearer ...)";
            case 403 -> "not allowed";
            case 404 -> "no such endpoint";
            case 405 -> "this endpoint does not take that method";
            case 406 -> "the answer cannot be sent in any of the media types of Accept; the API answers JSON";
            case 413 -> "the request body is larger than " + BodyLimit.DESCRIPTION;
            case 414 -> "the address is too long";
            case 415 -> "the body must be JSON (Content-Type: application/json)";
            case 431 -> "the request headers are too large";
            case 503 -> "the service is not available; try again later";
            default -> status >= 500 ? "unexpected error; see the service's log" : "the request is malformed";
        };
    }

    /** Writes the error answer for {@code status}, with that status's code and message. */
    public static void write(HttpServletResponse response, int status) throws IOException {
        write(response, status, code(status), message(status), Map.of());
    }

    /** Writes an error answer straight to the servlet response, whatever the request's {@code Accept}. */
    public static void write(HttpServletResponse response, int status, String code, String message,
                             Map<String, List<String>> fields) throws IOException {
        byte[] body = ErrorBody.bytes(code, message, fields);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(body);
    }
}
