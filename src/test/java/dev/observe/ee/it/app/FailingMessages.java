package dev.observe.ee.it.app;

import dev.observe.ee.Traced;

import io.opentelemetry.api.trace.Span;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Exceptions whose {@code getMessage()} recurses ({@code "failed: " + this}, whose {@code toString()} calls
 * {@code getMessage()} again): a StackOverflowError for whoever asks. {@code traced} has observe-ee record one on
 * a {@code @Traced} span; {@code recorded} records one on the request's span with OpenTelemetry's own
 * {@code Span.recordException}, as application code and the runtimes' instrumentation do. Both answer 200.
 */
@Path("failing-messages")
public class FailingMessages {

    /** The exception of an application that builds its message from itself. */
    public static class RecursiveMessageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            return "failed: " + this;
        }
    }

    /** A bean whose traced method fails with it. */
    @ApplicationScoped
    public static class Work {
        @Traced("failing_work")
        public void fail() {
            throw new RecursiveMessageException();
        }
    }

    @Inject
    Work work;

    @GET
    @Path("traced")
    public String traced() {
        try {
            work.fail();
            return "not failed";
        } catch (RecursiveMessageException expected) {
            return "caught";
        }
    }

    @GET
    @Path("recorded")
    public String recorded() {
        Span.current().recordException(new RecursiveMessageException());
        return "recorded";
    }

    @GET
    @Path("plain")
    public String plain() {
        return "plain";
    }
}
