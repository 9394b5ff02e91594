package io.ziiklb.admin;

import io.ziiklb.http.ApiProblem;
import io.ziiklb.http.ErrorBody;
import io.ziiklb.integration.SyncService;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of the API as {@code {"error": {"code", "message", "fields"}}}; never a stack trace. */
@RestControllerAdvice
class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    static ResponseEntity<Map<String, Object>> body(int status, String code, String message, Map<String, List<String>> fields) {
        return ResponseEntity.status(status).body(ErrorBody.of(code, message, fields));
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Map<String, Object>> problem(ApiProblem e) {
        return body(e.status(), e.code(), e.getMessage(), e.fields());
    }

    @ExceptionHandler(SyncService.AlreadyRunning.class)
    ResponseEntity<Map<String, Object>> running(SyncService.AlreadyRunning e) {
        return body(409, "sync_running", e.getMessage(), Map.of("syncId", List.of(e.syncId())));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return body(400, "bad_request", "the body is not valid JSON of the expected shape", Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return body(400, "bad_request", "bad value for " + e.getName(), Map.of(e.getName(), List.of("has the wrong type")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e) {
        return body(404, "not_found", "no such endpoint", Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return body(405, "method_not_allowed", e.getMessage(), Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        LOG.error("unexpected error in the admin API", e);
        return body(500, "internal_error", "unexpected error; see the service's log", Map.of());
    }
}
