package dev.observe.ee.internal.tracing;

import dev.observe.ee.internal.semconv.SemanticAttributes;
import dev.observe.ee.internal.telemetry.DeployedApplication;
import dev.observe.ee.internal.telemetry.ExceptionEvents;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.InvocationContext;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Runs an intercepted call inside a started span, for every interceptor that makes spans: the span is current for
 * the call and ends on every path (for a {@code CompletionStage} result, when the stage completes); an exception
 * is recorded with ERROR status and reaches the caller unchanged.
 */
final class SpanCalls {

    private SpanCalls() {
    }

    /**
     * The tracer of the library's span interceptors: from the runtime's OpenTelemetry bean, or, where the runtime has
     * none, the one the library registers for the application.
     */
    static Tracer tracer(Instance<OpenTelemetry> openTelemetry) {
        OpenTelemetry otel = openTelemetry.isResolvable() ? openTelemetry.get()
                : DeployedApplication.current().openTelemetry();
        return otel.getTracer(SemanticAttributes.INSTRUMENTATION_SCOPE);
    }

    static Object proceedIn(Span span, InvocationContext invocation) throws Exception {
        boolean endsLater = false;
        try (Scope ignored = span.makeCurrent()) {
            Object result = invocation.proceed();
            if (result instanceof CompletionStage<?> stage) {
                // The caller keeps the very stage the method returned; the span ends when it completes.
                stage.whenComplete((value, error) -> end(span, error));
                endsLater = true;
            }
            return result;
        } catch (Exception | Error e) {
            recordError(span, e);
            throw e;
        } finally {
            if (!endsLater) {
                span.end();
            }
        }
    }

    private static void end(Span span, Throwable error) {
        if (error != null) {
            recordError(span, unwrap(error));
        }
        span.end();
    }

    /** The event is made now, not by the SDK when the span is exported: see {@link ExceptionEvents}. */
    static void recordError(Span span, Throwable error) {
        ExceptionEvents.record(span, error);
        span.setStatus(StatusCode.ERROR);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
