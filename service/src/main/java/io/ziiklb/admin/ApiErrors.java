package io.ziiklb.admin;

import io.ziiklb.http.ApiProblem;
import io.ziiklb.http.ErrorBody;
import io.ziiklb.integration.SyncService;
import io.ziiklb.web.BadQuery;
import io.ziiklb.web.ErrorStatus;
import io.ziiklb.web.UnreadableBody;
import io.ziiklb.web.Unexpected;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as {@code {"error": {"code", "message", "fields"}}}: its own refusals
 * ({@link ApiProblem}) and every exception Spring MVC raises for a request it cannot take (unknown
 * route, wrong method or media type, unreadable body, bad parameter), which
 * {@link ResponseEntityExceptionHandler} gives their status. Always JSON, whatever the request
 * accepts (the content type is set, so no negotiation happens). Never a stack trace, never the
 * framework's message.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private static ResponseEntity<Object> body(int status, String code, String message, Map<String, List<String>> fields) {
        return body(status, new HttpHeaders(), code, message, fields);
    }

    private static ResponseEntity<Object> body(int status, HttpHeaders headers, String code, String message,
                                               Map<String, List<String>> fields) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(code, message, fields));
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> problem(ApiProblem e) {
        return body(e.status(), e.code(), e.getMessage(), e.fields());
    }

    @ExceptionHandler(SyncService.AlreadyRunning.class)
    ResponseEntity<Object> running(SyncService.AlreadyRunning e) {
        return body(409, "sync_running", e.getMessage(), Map.of("syncId", List.of(e.syncId())));
    }

    /** The browser went away while a page or a file was being sent: nobody is left to answer, and nothing is wrong here. */
    @ExceptionHandler(org.apache.catalina.connector.ClientAbortException.class)
    void clientGone() {
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (BadQuery.causedBy(e)) {
            return body(400, "bad_request", BadQuery.MESSAGE, Map.of());
        }
        LOG.error("unexpected error in the admin API: {}", Unexpected.describe(e));
        return body(500, ErrorStatus.code(500), ErrorStatus.message(500), Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return problem(UnreadableBody.problem(e));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "value" : e.getPropertyName();
        return body(400, headers, "invalid", "the request has invalid fields", Map.of(name, List.of("has the wrong type")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return body(400, headers, "invalid", "the request has invalid fields",
                Map.of(e.getParameterName(), List.of("is required")));
    }

    /** Everything else Spring MVC refuses: its status, with the code and message of that status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        int code = status.value();
        return body(code, headers, ErrorStatus.code(code), ErrorStatus.message(code), Map.of());
    }
}
