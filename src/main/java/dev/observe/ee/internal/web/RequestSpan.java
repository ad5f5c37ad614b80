package dev.observe.ee.internal.web;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;

import java.util.concurrent.TimeUnit;

/**
 * The request's SERVER span as the current span of the context the library makes current for the whole request,
 * where the runtime starts that span only later, inside the library's servlet filter: empty (an invalid span
 * context, so that the runtime's span still starts as a root or from the caller's {@code traceparent}) until
 * {@link ServerRequest} adopts the runtime's span, and that span from then on.
 *
 * <p>Why: Payara Micro's JAX-RS instrumentation makes its span current only from resource matching until the
 * resource method returns, and then restores the context it found, which is the library's. Exception mappers,
 * Jersey's own line for an exception no mapper handles and response filters run after that, and their lines (the
 * log pipeline reads {@link Span#current()}) and any span they start would otherwise lose the request's trace.
 * With this span in the request's context they carry the runtime's SERVER span, and a span started inside a child
 * span is still that child's. The runtime's span itself is untouched: every call is forwarded to it.
 *
 * <p>Thread-safe: the target is set once on the request thread and read by any thread the context is carried to.
 */
final class RequestSpan implements Span {

    private volatile Span target;

    /** From now on this span stands for {@code serverSpan}, the request's SERVER span. */
    void adopt(Span serverSpan) {
        target = serverSpan;
    }

    /** {@code span}, or the runtime's span it stands for; never one of these. */
    static Span unwrap(Span span) {
        if (span instanceof RequestSpan request) {
            Span adopted = request.target;
            return adopted != null ? adopted : Span.getInvalid();
        }
        return span;
    }

    private Span target() {
        Span adopted = target;
        return adopted != null ? adopted : Span.getInvalid();
    }

    @Override
    public <T> Span setAttribute(AttributeKey<T> key, T value) {
        target().setAttribute(key, value);
        return this;
    }

    @Override
    public Span addEvent(String name, Attributes attributes) {
        target().addEvent(name, attributes);
        return this;
    }

    @Override
    public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
        target().addEvent(name, attributes, timestamp, unit);
        return this;
    }

    @Override
    public Span setStatus(StatusCode statusCode, String description) {
        target().setStatus(statusCode, description);
        return this;
    }

    @Override
    public Span recordException(Throwable exception, Attributes additionalAttributes) {
        target().recordException(exception, additionalAttributes);
        return this;
    }

    @Override
    public Span updateName(String name) {
        target().updateName(name);
        return this;
    }

    @Override
    public void end() {
        target().end();
    }

    @Override
    public void end(long timestamp, TimeUnit unit) {
        target().end(timestamp, unit);
    }

    @Override
    public SpanContext getSpanContext() {
        return target().getSpanContext();
    }

    @Override
    public boolean isRecording() {
        return target().isRecording();
    }

    @Override
    public String toString() {
        return "RequestSpan{" + target() + "}";
    }
}
