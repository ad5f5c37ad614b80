package dev.observe.ee.internal.logging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/**
 * Issue 11 §5, "every failure stays visible": a failure of the pipeline itself still writes a line naming it, and
 * a server handler that fails on every Log call is reported each time, at most one line a second, never thrown.
 */
class FailureReportsTest {

    @Test
    void aFailingPipelineStillWritesALineNamingTheFailure() {
        TraceContext broken = new TraceContext() {
            @Override
            void addTo(LogRecord record, LogEvent event) {
                throw new StackOverflowError();
            }
        };
        LineEncoder encoder = new LineEncoder(TestLines.json(), broken);
        StructuredRecord record = TestLines.structured(Level.WARNING, "order_failed", null, null, "k", 1);

        for (int i = 0; i < 2; i++) {
            JsonObject line = TestLines.parse(encoder.format(record));
            assertEquals("order_failed", line.getString("event"));
            assertEquals("warning", line.getString("level"));
            assertEquals("observe-ee could not render this record: java.lang.StackOverflowError",
                    line.getString(LogPipeline.FAILURE_FIELD));
        }
    }

    @Test
    void everyFailureOfAServerHandlerIsReportedAtMostOnceASecondAndNeverThrown() {
        AtomicLong nanos = new AtomicLong();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LogCallGuard guard = new LogCallGuard(new LogCallGuard.EveryFailure(nanos::get,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        Logger logger = Logger.getLogger("dev.observe.test.failing");
        Handler failing = new Handler() {
            @Override
            public void publish(LogRecord record) {
                throw new AssertionError("broken handler");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(failing);
        logger.setUseParentHandlers(false);
        try {
            for (long at : new long[] {0, 400_000_000L, 800_000_000L, 1_200_000_000L, 5_000_000_000L}) {
                nanos.set(at);
                assertDoesNotThrow(() -> guard.log(logger, new LogRecord(Level.INFO, "e\nforged")));
            }
        } finally {
            logger.removeHandler(failing);
            logger.setUseParentHandlers(true);
        }

        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("observe-ee: logging e\\nforged failed: java.lang.AssertionError",
                "observe-ee: logging e\\nforged failed: java.lang.AssertionError (2 more failures since the last report)",
                "observe-ee: logging e\\nforged failed: java.lang.AssertionError"), lines);
    }
}
