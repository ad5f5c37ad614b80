package dev.observe.ee.internal.logging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

import java.util.logging.LogRecord;

/** Loaded only when the OpenTelemetry API is visible (see {@link TraceContext#detect()}). */
final class OpenTelemetryTraceContext extends TraceContext {

    @Override
    void addTo(LogRecord record, LogEvent event) {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            event.traceId = span.getTraceId();
            event.spanId = span.getSpanId();
        }
    }
}
