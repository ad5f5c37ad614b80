package dev.observe.ee.internal.logging;

import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.LogRecord;

/**
 * Lets OpenTelemetry's exporters report a failing collector at most once a minute. Their own throttling lets
 * five messages a minute through and then one a minute, per exporter and signal, so a collector that is down for
 * a while still fills the log with the same complaint from spans, metrics and logs alike. This throttle passes the
 * first message, drops the rest for a minute, then passes the next one with the number dropped.
 *
 * <p>Applied where observe-ee handles records (the application's router on the root logger, the server-wide
 * handler), not as a filter on the exporters' own loggers: those loggers are the server's, shared by every
 * application and outliving this one, and on Open Liberty a handler put on them never saw a record, so what such a
 * filter did there could not even be checked. Where observe-ee prints the records, both servers' lines are
 * counted ({@code EnvironmentConfigured*IT}).
 */
public final class ExporterMessageThrottle {

    /**
     * The loggers of the exporters' failure messages (OpenTelemetry Java 1.29 to 1.39 at least): OTLP over gRPC and
     * HTTP, and Zipkin, whose own throttling, like OTLP's, lets five a minute through.
     */
    static final Set<String> EXPORTER_LOGGERS = Set.of(
            "io.opentelemetry.exporter.internal.grpc.GrpcExporter",
            "io.opentelemetry.exporter.internal.http.HttpExporter",
            "io.opentelemetry.exporter.zipkin.ZipkinSpanExporter");

    static final long INTERVAL_NANOS = 60_000_000_000L;

    private final LongSupplier clock;
    private final long intervalNanos;

    private boolean windowOpen;
    private long windowStart;
    private int dropped;

    public ExporterMessageThrottle() {
        this(System::nanoTime, INTERVAL_NANOS);
    }

    ExporterMessageThrottle(LongSupplier clock, long intervalNanos) {
        this.clock = clock;
        this.intervalNanos = intervalNanos;
    }

    /** Whether {@code record} is printed; any record not from an exporter is. */
    public boolean admit(LogRecord record) {
        String logger = record.getLoggerName();
        return logger == null || !EXPORTER_LOGGERS.contains(logger) || admitExporterMessage(record);
    }

    /** One window for all the exporters: a dead collector is one problem, however many signals it fails. */
    private synchronized boolean admitExporterMessage(LogRecord record) {
        long now = clock.getAsLong();
        if (windowOpen && now - windowStart < intervalNanos) {
            dropped++;
            return false;
        }
        windowOpen = true;
        windowStart = now;
        if (dropped > 0 && record.getMessage() != null) {
            // No quote or brace: the message may be a MessageFormat pattern.
            record.setMessage(record.getMessage() + " (observe-ee: " + dropped
                    + " more exporter messages were dropped in the minute before this one)");
        }
        dropped = 0;
        return true;
    }
}
