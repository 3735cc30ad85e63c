package org.safereg.api.problem;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last-resort error page, for requests the container rejects before the application sees them (an
 * encoded slash in the path, a malformed URI): answers problem+json with the type for the status instead of
 * Tomcat's HTML report, and never the exception or the server version. Installed on the host by
 * {@link ProblemErrorPageCustomizer}. The body is written without Jackson (the container has no application
 * context here); all of its values are fixed texts or a generated id.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemType type = ApiExceptionHandler.forStatus(status);
        String requestId = UUID.randomUUID().toString();
        String json = "{\"type\":\"" + type.uri() + "\",\"title\":\"" + escape(type.title()) + "\",\"status\":"
                + status + ",\"detail\":\"" + escape(type.detail()) + "\",\"instance\":\"urn:safereg:request:"
                + requestId + "\",\"requestId\":\"" + requestId + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setHeader("X-Request-Id", requestId);
            response.setHeader("Cache-Control", "no-store");
            OutputStream out = response.getOutputStream();
            out.write(json.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to say
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
