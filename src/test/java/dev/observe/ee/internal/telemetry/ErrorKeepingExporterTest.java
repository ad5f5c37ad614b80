package dev.observe.ee.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.internal.config.SamplingSettings;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ErrorKeepingExporterTest {

    /** What reached the real exporter. */
    static final class Received implements SpanExporter {
        final List<SpanData> spans = new ArrayList<>();
        boolean shutDown;

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            shutDown = true;
            return CompletableResultCode.ofSuccess();
        }

        Set<String> traceIds() {
            return spans.stream().map(SpanData::getTraceId).collect(Collectors.toSet());
        }
    }

    private final List<SpanData> ended = new ArrayList<>();
    private final Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(new SpanProcessor() {
        @Override
        public void onStart(Context parent, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }).build().get("test");

    private final Received received = new Received();
    private final AtomicLong now = new AtomicLong();

    private ErrorKeepingExporter exporter(double ratio, Duration slower, int maxBuffered) {
        return new ErrorKeepingExporter(received, new SamplingSettings(ratio, true, slower, maxBuffered), now::get);
    }

    /** A trace of a root and two children, ended children first; returns its spans in the order they ended. */
    private List<SpanData> trace(boolean childFails, long rootMillis) {
        ended.clear();
        Span root = tracer.spanBuilder("POST /orders").setStartTimestamp(1_000, TimeUnit.MILLISECONDS).startSpan();
        Context inRoot = Context.root().with(root);
        Span first = tracer.spanBuilder("create_order_record").setParent(inRoot).startSpan();
        first.end();
        Span second = tracer.spanBuilder("create_order_items").setParent(inRoot).startSpan();
        if (childFails) {
            second.setStatus(StatusCode.ERROR);
        }
        second.end();
        root.end(1_000 + rootMillis, TimeUnit.MILLISECONDS);
        return List.copyOf(ended);
    }

    @Test
    void withRatioZeroOnlyTracesWithAnErrorAreExportedAndThenWhole() {
        ErrorKeepingExporter exporter = exporter(0.0, null, 1000);
        List<SpanData> failing = trace(true, 5);
        exporter.export(trace(false, 5));
        exporter.export(failing.subList(0, 2));
        assertEquals(List.of(), received.spans, "nothing is exported before the root ends");
        exporter.export(failing.subList(2, 3));
        assertEquals(Set.of(failing.get(0).getTraceId()), received.traceIds());
        assertEquals(3, received.spans.size(), "the whole failing trace");
        assertEquals(0, exporter.bufferedSpans());
    }

    @Test
    void anErrorAnywhereInTheTraceKeepsItEvenWhenTheRootIsFine() {
        ErrorKeepingExporter exporter = exporter(0.0, null, 1000);
        List<SpanData> spans = trace(true, 5);
        assertEquals(StatusCode.UNSET, spans.get(2).getStatus().getStatusCode(), "the root itself succeeded");
        exporter.export(spans);
        assertEquals(3, received.spans.size());
    }

    @Test
    void slowTracesAreKept() {
        ErrorKeepingExporter exporter = exporter(0.0, Duration.ofMillis(500), 1000);
        exporter.export(trace(false, 499));
        assertEquals(0, received.spans.size());
        exporter.export(trace(false, 501));
        assertEquals(3, received.spans.size());
    }

    @Test
    void theRatioDecidesFromTheTraceIdAsOpenTelemetrysSamplerDoes() {
        ErrorKeepingExporter exporter = exporter(0.25, null, 1000);
        int kept = 0;
        for (int i = 0; i < 4000; i++) {
            List<SpanData> spans = trace(false, 1);
            received.spans.clear();
            exporter.export(spans);
            boolean exported = !received.spans.isEmpty();
            String traceId = spans.get(0).getTraceId();
            // The same answer as OpenTelemetry's own trace-id-ratio sampler for this trace id.
            boolean standard = io.opentelemetry.sdk.trace.samplers.Sampler.traceIdRatioBased(0.25).shouldSample(
                    Context.root(), traceId, "x", io.opentelemetry.api.trace.SpanKind.SERVER,
                    io.opentelemetry.api.common.Attributes.empty(), List.of()).getDecision()
                    == io.opentelemetry.sdk.trace.samplers.SamplingDecision.RECORD_AND_SAMPLE;
            assertEquals(standard, exported, traceId);
            kept += exported ? 1 : 0;
        }
        assertTrue(kept > 850 && kept < 1150, "about a quarter of 4000 traces: " + kept);
    }

    @Test
    void spansEndingAfterTheirTracesDecisionFollowIt() {
        ErrorKeepingExporter exporter = exporter(0.0, null, 1000);
        List<SpanData> failing = trace(true, 5);
        exporter.export(failing);
        received.spans.clear();
        ended.clear();
        SpanContext rootContext = SpanContext.create(failing.get(0).getTraceId(), failing.get(2).getSpanId(),
                TraceFlags.getSampled(), TraceState.getDefault());
        tracer.spanBuilder("late").setParent(Context.root().with(Span.wrap(rootContext))).startSpan().end();
        exporter.export(ended);
        assertEquals(1, received.spans.size(), "a late span of a kept trace is kept");
        assertEquals(0, exporter.bufferedSpans());
    }

    @Test
    void pastTheBufferBoundTheOldestTracesAreDecidedEarly() {
        ErrorKeepingExporter exporter = exporter(0.0, null, 100);
        List<SpanData> failingChildren = trace(true, 5).subList(0, 2);
        exporter.export(failingChildren);
        for (int i = 0; i < 60; i++) {
            exporter.export(trace(false, 5).subList(0, 2));
        }
        assertTrue(exporter.bufferedSpans() <= 100, "bounded: " + exporter.bufferedSpans());
        assertTrue(received.traceIds().contains(failingChildren.get(0).getTraceId()),
                "decided early on what it had: its error kept it");
    }

    @Test
    void tracesWhoseRootNeverEndsAreDecidedAfterTheWait() {
        ErrorKeepingExporter exporter = exporter(0.0, null, 1000);
        List<SpanData> children = trace(true, 5).subList(0, 2);
        exporter.export(children);
        assertEquals(2, exporter.bufferedSpans());
        now.addAndGet(ErrorKeepingExporter.MAX_WAIT_NANOS);
        exporter.export(List.of());
        assertEquals(0, exporter.bufferedSpans());
        assertEquals(2, received.spans.size());
    }

    @Test
    void shutdownDecidesWhatWaitsAndShutsTheExporterDown() {
        ErrorKeepingExporter exporter = exporter(0.0, null, 1000);
        exporter.export(trace(true, 5).subList(0, 2));
        exporter.shutdown().join(1, TimeUnit.SECONDS);
        assertEquals(2, received.spans.size());
        assertTrue(received.shutDown);
    }
}
