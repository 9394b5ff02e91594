package io.ziiklb.web;

import io.ziiklb.http.ErrorBody;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report in the API's error shape instead of its HTML page. It answers what Tomcat
 * refuses before any servlet or filter sees the request (an encoded slash, a backslash, a NUL or
 * a broken escape in the path, headers too large), and any error nothing else wrote a body for.
 * It takes the place of the report valve Spring Boot puts on the host ({@link WebConfiguration}).
 */
public final class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own: nothing for a success or when a body was written; an error is reported once.
        // Unlike Tomcat's, an error status set without sendError and left without a body (an actuator
        // endpoint's 404) gets the error body too: every error answer is in the one shape.
        if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()
                || response.isError() && !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        int answered = ErrorStatus.forCaller(status);
        try {
            response.setStatus(answered);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(ErrorBody.bytes(ErrorStatus.code(answered), ErrorStatus.message(answered), Map.of()),
                        StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response cannot take a body any more: nothing to tell
        }
    }
}
