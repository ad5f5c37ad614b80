package dev.observe.ee.internal.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The first of observe-ee's span exporter decorators: hands on every span with its events' attributes read once,
 * here, so that an exception event whose exception fails when asked for its message (see {@link ExceptionEvents})
 * reaches the tail sampler and the configured exporter as an ordinary event, and the span is exported. Exception
 * events come from anywhere: the runtime's own instrumentation and the application's
 * {@code Span.recordException} record them lazily.
 *
 * <p>Runs on the batch span processor's export thread; spans without events pass unchanged.
 */
final class ReadOnceEventsExporter implements SpanExporter {

    private final SpanExporter delegate;

    ReadOnceEventsExporter(SpanExporter delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        List<SpanData> readable = new ArrayList<>(spans.size());
        for (SpanData span : spans) {
            readable.add(span.getEvents().isEmpty() ? span : new EventsReadOnce(span));
        }
        return delegate.export(readable);
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public String toString() {
        return "ReadOnceEventsExporter{" + delegate + "}";
    }

    private static final class EventsReadOnce extends DelegatingSpanData {

        private final List<EventData> events;

        EventsReadOnce(SpanData span) {
            super(span);
            List<EventData> read = new ArrayList<>(span.getEvents().size());
            for (EventData event : span.getEvents()) {
                read.add(ExceptionEvents.readOnce(event));
            }
            this.events = List.copyOf(read);
        }

        @Override
        public List<EventData> getEvents() {
            return events;
        }
    }
}
