package io.ziiklb.admin;

import io.ziiklb.web.ErrorStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The security chain's refusals, in the API's error format. */
final class ErrorBodies {
    private ErrorBodies() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        ErrorStatus.write(response, 401);
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        ErrorStatus.write(response, 403);
    }
}
