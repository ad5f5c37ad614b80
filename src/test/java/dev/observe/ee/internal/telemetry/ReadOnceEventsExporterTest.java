package dev.observe.ee.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.internal.config.SamplingSettings;
import dev.observe.ee.internal.semconv.SemanticAttributes;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever recorded an exception event lazily (the SDK's {@code Span.recordException}: the runtime's
 * instrumentation, the application), the exporter chain observe-ee installs hands the configured exporter spans it
 * can read: here OpenTelemetry's own OTLP marshaler, which reads every event's attributes as the runtime's OTLP
 * exporter does, with and without the tail sampler.
 */
class ReadOnceEventsExporterTest {

    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    static final class RecursiveMessage extends RuntimeException {
        @Override
        public String getMessage() {
            return "failed: " + this;
        }
    }

    /** Marshals what it gets to OTLP protobuf, as the OTLP exporters do, and keeps it. */
    static final class OtlpMarshalingExporter implements SpanExporter {
        final List<SpanData> exported = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            try {
                TraceRequestMarshaler.create(spans).writeBinaryTo(new ByteArrayOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            exported.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    static Stream<SamplingSettings> sampling() {
        return Stream.of(SamplingSettings.KEEP_ALL, new SamplingSettings(0.5, true, null, 1000));
    }

    @ParameterizedTest
    @MethodSource("sampling")
    void aSpanWithALazyExceptionEventThatFailsIsExportedWithAPlaceholder(SamplingSettings sampling) {
        Span span = otel.getOpenTelemetry().getTracer("runtime").spanBuilder("GET /orders").startSpan();
        span.addEvent("order_read", Attributes.of(SemanticAttributes.HTTP_ROUTE, "/orders"));
        span.recordException(new RecursiveMessage());
        span.setStatus(StatusCode.ERROR);
        span.end();
        OtlpMarshalingExporter configured = new OtlpMarshalingExporter();

        CompletableResultCode result = ObserveAutoConfiguration.exporter(configured, sampling)
                .export(otel.getSpans());

        assertTrue(result.isSuccess());
        assertEquals(1, configured.exported.size(), "the span is exported");
        SpanData exported = configured.exported.get(0);
        assertEquals("order_read", exported.getEvents().get(0).getName());
        assertEquals("/orders", exported.getEvents().get(0).getAttributes().get(SemanticAttributes.HTTP_ROUTE));
        Attributes exception = exported.getEvents().get(1).getAttributes();
        assertEquals("exception", exported.getEvents().get(1).getName());
        assertEquals(RecursiveMessage.class.getCanonicalName(), exception.get(SemanticAttributes.EXCEPTION_TYPE));
        assertEquals("[getMessage() threw java.lang.StackOverflowError]",
                exception.get(SemanticAttributes.EXCEPTION_MESSAGE));
        assertTrue(exception.get(SemanticAttributes.EXCEPTION_STACKTRACE).contains("\tat "
                + ReadOnceEventsExporterTest.class.getName()), exception.get(SemanticAttributes.EXCEPTION_STACKTRACE));
    }

    @ParameterizedTest
    @MethodSource("sampling")
    void anOrdinaryExceptionEventIsExportedAsTheSdkMadeIt(SamplingSettings sampling) {
        Span span = otel.getOpenTelemetry().getTracer("runtime").spanBuilder("GET /orders").startSpan();
        span.recordException(new IllegalStateException("out of stock"));
        span.setStatus(StatusCode.ERROR);
        span.end();
        SpanData ended = otel.getSpans().get(0);
        OtlpMarshalingExporter configured = new OtlpMarshalingExporter();

        ObserveAutoConfiguration.exporter(configured, sampling).export(List.of(ended));

        assertEquals(ended.getEvents().get(0).getAttributes(),
                configured.exported.get(0).getEvents().get(0).getAttributes());
        assertEquals(ended.getSpanId(), configured.exported.get(0).getSpanId());
        assertEquals(ended.getTotalRecordedEvents(), configured.exported.get(0).getTotalRecordedEvents());
    }
}
