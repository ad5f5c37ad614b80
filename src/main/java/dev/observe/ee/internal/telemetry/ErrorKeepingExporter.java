package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.config.SamplingSettings;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error-keeping tail sampler: holds each trace's ended spans in process until the trace's local root span
 * ends, then exports the whole trace if any of its spans has ERROR status ({@code observe.sampling.keep-errors}),
 * or the root took longer than {@code observe.sampling.keep-slower-than}, and otherwise keeps it with probability
 * {@code observe.sampling.ratio}, decided from the trace id (the same trace id always gets the same answer, in
 * every service that uses the same ratio).
 *
 * <p>It sits between the SDK's batch span processor and the configured exporter (an OpenTelemetry exporter
 * customizer), so it sees spans as they end, on the processor's one export thread, and never on an application
 * thread. Memory is bounded: past {@code observe.sampling.max-buffered-spans} buffered spans, or for a trace
 * whose root has not ended within {@link #MAX_WAIT_NANOS}, the oldest traces are decided early on what they have
 * so far; those are counted and reported at most once a minute. Spans of a trace that arrive after its decision
 * follow it.
 */
final class ErrorKeepingExporter implements SpanExporter {

    private static final Logger LOG = Logger.getLogger(ErrorKeepingExporter.class.getName());

    static final long MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(2);
    static final long REPORT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    static final int DECISIONS_REMEMBERED = 50_000;

    private final SpanExporter delegate;
    private final boolean keepErrors;
    private final long keepSlowerThanNanos;
    private final long idUpperBound;
    private final int maxBufferedSpans;
    private final LongSupplier nanoTime;

    /** Traces waiting for their local root, oldest first. */
    private final LinkedHashMap<String, PendingTrace> pending = new LinkedHashMap<>();
    /** Recent decisions, for spans that end after their trace's root. */
    private final LinkedHashMap<String, Boolean> decided = new LinkedHashMap<>(1024, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > DECISIONS_REMEMBERED;
        }
    };
    private int bufferedSpans;
    private long decidedEarly;
    private long lastReport;

    private static final class PendingTrace {
        final long firstSeen;
        final List<SpanData> spans = new ArrayList<>();

        PendingTrace(long firstSeen) {
            this.firstSeen = firstSeen;
        }
    }

    ErrorKeepingExporter(SpanExporter delegate, SamplingSettings settings) {
        this(delegate, settings, System::nanoTime);
    }

    ErrorKeepingExporter(SpanExporter delegate, SamplingSettings settings, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.keepErrors = settings.keepErrors();
        this.keepSlowerThanNanos = settings.keepSlowerThan().map(java.time.Duration::toNanos).orElse(Long.MAX_VALUE);
        this.idUpperBound = idUpperBound(settings.ratio());
        this.maxBufferedSpans = settings.maxBufferedSpans();
        this.nanoTime = nanoTime;
        this.lastReport = nanoTime.getAsLong() - REPORT_INTERVAL_NANOS;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        List<SpanData> kept;
        synchronized (this) {
            kept = new ArrayList<>();
            long now = nanoTime.getAsLong();
            for (SpanData span : spans) {
                String traceId = span.getTraceId();
                Boolean decision = decided.get(traceId);
                if (decision != null) {
                    if (decision) {
                        kept.add(span);
                    }
                    continue;
                }
                PendingTrace trace = pending.computeIfAbsent(traceId, id -> new PendingTrace(now));
                trace.spans.add(span);
                bufferedSpans++;
                if (isLocalRoot(span)) {
                    decide(traceId, span, kept);
                }
            }
            decideOverdue(now, kept);
            reportEarlyDecisions(now);
        }
        return kept.isEmpty() ? CompletableResultCode.ofSuccess() : delegate.export(kept);
    }

    /** A span whose parent is in another process, or that has none, is the root of this process's part. */
    static boolean isLocalRoot(SpanData span) {
        SpanContext parent = span.getParentSpanContext();
        return !parent.isValid() || parent.isRemote();
    }

    private void decide(String traceId, SpanData root, List<SpanData> kept) {
        PendingTrace trace = pending.remove(traceId);
        bufferedSpans -= trace.spans.size();
        boolean keep = keep(traceId, trace.spans, root);
        decided.put(traceId, keep);
        if (keep) {
            kept.addAll(trace.spans);
        }
    }

    /** Decides the oldest traces early: past the memory bound, or waiting longer than {@link #MAX_WAIT_NANOS}. */
    private void decideOverdue(long now, List<SpanData> kept) {
        Iterator<Map.Entry<String, PendingTrace>> oldestFirst = pending.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<String, PendingTrace> entry = oldestFirst.next();
            PendingTrace trace = entry.getValue();
            if (bufferedSpans <= maxBufferedSpans && now - trace.firstSeen < MAX_WAIT_NANOS) {
                return;
            }
            oldestFirst.remove();
            bufferedSpans -= trace.spans.size();
            boolean keep = keep(entry.getKey(), trace.spans, null);
            decided.put(entry.getKey(), keep);
            if (keep) {
                kept.addAll(trace.spans);
            }
            decidedEarly++;
        }
    }

    boolean keep(String traceId, List<SpanData> spans, SpanData root) {
        if (keepErrors) {
            for (SpanData span : spans) {
                if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
                    return true;
                }
            }
        }
        if (root != null && root.getEndEpochNanos() - root.getStartEpochNanos() > keepSlowerThanNanos) {
            return true;
        }
        return keptByRatio(traceId);
    }

    /** As OpenTelemetry's trace-id-ratio sampler decides, so that both agree on the same trace id. */
    boolean keptByRatio(String traceId) {
        long randomPart = parseHex(traceId, 16);
        return Math.abs(randomPart) < idUpperBound;
    }

    static long idUpperBound(double ratio) {
        if (ratio <= 0.0) {
            return Long.MIN_VALUE;
        }
        if (ratio >= 1.0) {
            return Long.MAX_VALUE;
        }
        return (long) (ratio * Long.MAX_VALUE);
    }

    private static long parseHex(String traceId, int from) {
        long value = 0;
        for (int i = from; i < from + 16 && i < traceId.length(); i++) {
            value = (value << 4) | Character.digit(traceId.charAt(i), 16);
        }
        return value;
    }

    private void reportEarlyDecisions(long now) {
        if (decidedEarly > 0 && now - lastReport >= REPORT_INTERVAL_NANOS) {
            LOG.log(Level.WARNING, "observe-ee: {0} trace(s) were sampled before their root span ended, because "
                    + "more than {1} spans were waiting (observe.sampling.max-buffered-spans) or a root span took "
                    + "longer than {2} s; errors after the decision may not be kept",
                    new Object[] {decidedEarly, maxBufferedSpans, TimeUnit.NANOSECONDS.toSeconds(MAX_WAIT_NANOS)});
            decidedEarly = 0;
            lastReport = now;
        }
    }

    synchronized int bufferedSpans() {
        return bufferedSpans;
    }

    /** Decides every waiting trace now (on what it has) and exports what is kept, then flushes the exporter. */
    @Override
    public CompletableResultCode flush() {
        List<SpanData> kept = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, PendingTrace> entry : pending.entrySet()) {
                boolean keep = keep(entry.getKey(), entry.getValue().spans, null);
                decided.put(entry.getKey(), keep);
                if (keep) {
                    kept.addAll(entry.getValue().spans);
                }
            }
            pending.clear();
            bufferedSpans = 0;
        }
        CompletableResultCode exported = kept.isEmpty() ? CompletableResultCode.ofSuccess() : delegate.export(kept);
        return CompletableResultCode.ofAll(List.of(exported, delegate.flush()));
    }

    @Override
    public CompletableResultCode shutdown() {
        CompletableResultCode flushed = flush();
        flushed.join(10, TimeUnit.SECONDS);
        return delegate.shutdown();
    }

    @Override
    public String toString() {
        return "ErrorKeepingExporter{" + delegate + "}";
    }
}
