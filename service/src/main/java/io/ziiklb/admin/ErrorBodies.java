package io.ziiklb.admin;

import io.ziiklb.http.ErrorBody;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The security chain's refusals, in the API's error format. */
final class ErrorBodies {
    private ErrorBodies() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        write(response, 401, "unauthorized", "a valid operator token is required (Authorization: Bearer ...)");
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        write(response, 403, "forbidden", "not allowed");
    }

    private static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(ErrorBody.bytes(code, message, Map.of()));
    }
}
