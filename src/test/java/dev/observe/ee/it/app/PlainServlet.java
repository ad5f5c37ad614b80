package dev.observe.ee.it.app;

import dev.observe.ee.logging.Log;

import io.opentelemetry.api.trace.Span;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A servlet that is not JAX-RS: logs a line, answers with its span, or fails without any handler. */
@WebServlet("/plain/*")
public class PlainServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Log LOG = Log.get(PlainServlet.class);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException,
            ServletException {
        if ("/fail".equals(request.getPathInfo())) {
            throw new ServletException(new PlainFailure());
        }
        LOG.info("plain_request_served");
        response.setContentType("application/json");
        response.getWriter().write(SpanJson.describe(Span.current()).toString());
    }

    /** An application exception nobody handles. */
    public static final class PlainFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PlainFailure() {
            super("plain servlet failed");
        }
    }
}
