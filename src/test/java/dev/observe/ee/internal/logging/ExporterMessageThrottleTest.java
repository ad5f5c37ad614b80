package dev.observe.ee.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class ExporterMessageThrottleTest {

    private static final long SECOND = 1_000_000_000L;
    private static final String HTTP = "io.opentelemetry.exporter.internal.http.HttpExporter";
    private static final String GRPC = "io.opentelemetry.exporter.internal.grpc.GrpcExporter";

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final ExporterMessageThrottle throttle =
            new ExporterMessageThrottle(now::get, ExporterMessageThrottle.INTERVAL_NANOS);
    private final List<String> printed = new ArrayList<>();

    private void log(String logger, String message) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setLoggerName(logger);
        if (throttle.admit(record)) {
            printed.add(record.getMessage());
        }
    }

    @Test
    void aFailingCollectorIsReportedOnceAMinuteAcrossExportersWithTheNumberDropped() {
        log(HTTP, "Failed to export spans. connection refused");
        for (int second = 1; second < 60; second++) {
            now.addAndGet(SECOND);
            log(HTTP, "Failed to export spans. connection refused");
            log(GRPC, "Failed to export metrics. UNAVAILABLE");
        }
        now.addAndGet(SECOND);
        log(GRPC, "Failed to export logs. UNAVAILABLE");

        assertEquals(List.of("Failed to export spans. connection refused",
                "Failed to export logs. UNAVAILABLE (observe-ee: 118 more exporter messages were dropped in the "
                        + "minute before this one)"), printed);
    }

    /** Zipkin's exporter, like OTLP's, lets five a minute through on its own; with the OTLP ones, one a minute. */
    @Test
    void zipkinsFailuresShareTheWindowOfTheOtlpExporters() {
        String zipkin = "io.opentelemetry.exporter.zipkin.ZipkinSpanExporter";
        for (int i = 0; i < 6; i++) {
            log(zipkin, "Failed to export spans");
            log(HTTP, "Failed to export logs.");
        }
        now.addAndGet(60 * SECOND);
        log(zipkin, "Failed to export spans");

        assertEquals(List.of("Failed to export spans", "Failed to export spans (observe-ee: 11 more exporter "
                + "messages were dropped in the minute before this one)"), printed);
    }

    @Test
    void otherRecordsAreNeverThrottled() {
        log(HTTP, "Failed to export spans.");
        for (int i = 0; i < 100; i++) {
            log("dev.observe.demo.OrderService", "order_placed");
            log(null, "anonymous");
            log("io.opentelemetry.sdk.trace.export.BatchSpanProcessor", "Exporter threw an Exception");
        }
        assertEquals(301, printed.size());
        assertTrue(printed.stream().filter(message -> message.startsWith("Failed")).count() == 1);
    }
}
