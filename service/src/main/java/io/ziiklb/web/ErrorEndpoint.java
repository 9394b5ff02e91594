package io.ziiklb.web;

import io.ziiklb.http.ErrorBody;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container forwards a request that ended in an error nobody
 * answered (Spring Security's firewall, a filter's {@code sendError}, an exception outside Spring
 * MVC): the API's error shape with that status, in place of Spring Boot's. Called directly, it
 * is an address like any unknown one: 404. Always JSON, whatever the request accepts.
 */
@RestController
class ErrorEndpoint implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s && s >= 400
                ? ErrorStatus.forCaller(s) : 404;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e && BadQuery.causedBy(e)) {
            status = 400;
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(ErrorStatus.code(status), ErrorStatus.message(status), Map.of()));
    }
}
