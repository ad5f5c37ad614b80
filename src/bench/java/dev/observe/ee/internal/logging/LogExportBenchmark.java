package dev.observe.ee.internal.logging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What sending the application's records to OpenTelemetry's logs API ({@code observe.log.export}, on when the SDK
 * exports logs) costs on the logging thread: the JSON line alone, the hand-over to the SDK alone
 * ({@link OpenTelemetryLogHandler} into a real {@code SdkLoggerProvider} with the batch processor OTLP export uses,
 * whose exporter here drops what it gets), and both, as the application's handler does them. Same records as
 * {@link JsonFormatBenchmark}, inside a current span.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LogExportBenchmark {

    @Param({"lite", "full"})
    String shape;

    private StructuredRecord record;
    private StdoutHandler line;
    private OpenTelemetryLogHandler export;
    private SdkLoggerProvider loggers;
    private io.opentelemetry.context.Scope inSpan;
    private long tick;

    @Setup
    public void setUp() {
        boolean full = shape.equals("full");
        record = new StructuredRecord(Level.INFO, "orders.OrderService", "order_placed",
                JsonFormatBenchmark.context(full), KeyValues.EMPTY, JsonFormatBenchmark.keyValues(full),
                full ? JsonFormatBenchmark.exception() : null);
        LogFormat format = LogFormat.builder().service("orders").build();
        line = new StdoutHandler(new LineEncoder(format, TraceContext.detect()), OutputStream.nullOutputStream());
        loggers = SdkLoggerProvider.builder()
                .addLogRecordProcessor(BatchLogRecordProcessor.builder(new Dropping()).build()).build();
        export = new OpenTelemetryLogHandler(loggers, format);
        inSpan = Span.wrap(SpanContext.create(JsonFormatBenchmark.TRACE_ID, JsonFormatBenchmark.SPAN_ID,
                TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent();
    }

    @TearDown
    public void tearDown() {
        inSpan.close();
        loggers.close();
    }

    private void nextInstant() {
        record.setInstant(Instant.ofEpochMilli(JsonFormatBenchmark.START + (tick++ % 1000) * 1001).plusNanos(456_000));
    }

    @Benchmark
    public void jsonLine() {
        nextInstant();
        line.publish(record);
    }

    @Benchmark
    public void exportOnly() {
        nextInstant();
        export.publish(record);
    }

    @Benchmark
    public void jsonLineAndExport() {
        nextInstant();
        line.publish(record);
        export.publish(record);
    }

    /** The exporter's end of the batch processor, without a network: what arrives is dropped. */
    private static final class Dropping implements LogRecordExporter {
        @Override
        public CompletableResultCode export(Collection<LogRecordData> logs) {
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
}
