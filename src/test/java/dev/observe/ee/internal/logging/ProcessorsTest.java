package dev.observe.ee.internal.logging;

import dev.observe.ee.logging.LogContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ListResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each processor alone: a record in, the event's fields out. */
class ProcessorsTest {

    private final LogEvent event = new LogEvent();

    @AfterEach
    void clear() {
        LogContext.clear();
    }

    @Test
    void timestampKeepsTheRecordsInstant() {
        LogRecord record = new LogRecord(Level.INFO, "x");
        record.setInstant(Instant.parse("2024-01-15T14:32:01.123456789Z"));
        Processors.timestamp(record, event);
        assertEquals(Instant.parse("2024-01-15T14:32:01Z").getEpochSecond(), event.epochSecond);
        assertEquals(123_456_789, event.nanos);
    }

    @Test
    void levelNamesAreStructlogs() {
        Level[] levels = {Level.SEVERE, Level.WARNING, Level.INFO, Level.CONFIG, Level.FINE, Level.FINER, Level.FINEST};
        String[] names = {"error", "warning", "info", "info", "debug", "trace", "trace"};
        for (int i = 0; i < levels.length; i++) {
            Processors.level(new LogRecord(levels[i], "x"), event);
            assertEquals(names[i], event.level.lowerName, levels[i].getName());
        }
    }

    @Test
    void loggerNameOrEmpty() {
        LogRecord record = new LogRecord(Level.INFO, "x");
        Processors.loggerName(record, event);
        assertEquals("", event.logger);
        record.setLoggerName("orders");
        Processors.loggerName(record, event);
        assertEquals("orders", event.logger);
    }

    @Test
    void messageFillsPositionalParametersAndUsesTheResourceBundle() {
        LogRecord record = new LogRecord(Level.INFO, "greeting");
        record.setResourceBundle(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"greeting", "hello {0}, {1} items"}};
            }
        });
        record.setParameters(new Object[] {"ann", 3});
        Processors.message(record, event);
        assertEquals("hello ann, 3 items", event.event);

        LogRecord braces = new LogRecord(Level.INFO, "a JSON {\"k\": 1} stays as it is");
        braces.setParameters(new Object[] {"unused"});
        Processors.message(braces, event);
        assertEquals("a JSON {\"k\": 1} stays as it is", event.event);
    }

    @Test
    void fieldsMergeContextThenBoundThenCall() {
        StructuredRecord record = new StructuredRecord(Level.INFO, "l", "e", new Object[] {"a", 1, "b", 2},
                new Object[] {"b", 3}, new Object[] {"c", 4, "a", 5}, null);
        Processors.fields(record, event);
        assertEquals(3, event.fieldCount());
        assertEquals("a", event.key(0));
        assertEquals(5, event.value(0));
        assertEquals(3, event.field("b"));
        assertEquals(4, event.field("c"));
    }

    @Test
    void plainRecordsTakeTheThreadsContext() {
        LogContext.bind("request_id", "r-1");
        Processors.fields(new LogRecord(Level.INFO, "x"), event);
        assertEquals("r-1", event.field("request_id"));
    }

    @Test
    void exceptionIsCarriedOver() {
        IllegalStateException thrown = new IllegalStateException("x");
        LogRecord record = new LogRecord(Level.SEVERE, "x");
        record.setThrown(thrown);
        Processors.exception(record, event);
        assertSame(thrown, event.thrown);
    }

    @Test
    void traceIdsOfTheCurrentSpanEvenWhenNotSampled() {
        io.opentelemetry.api.trace.SpanContext context = io.opentelemetry.api.trace.SpanContext.create(
                "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                io.opentelemetry.api.trace.TraceFlags.getDefault(), io.opentelemetry.api.trace.TraceState.getDefault());
        try (io.opentelemetry.context.Scope ignored = io.opentelemetry.api.trace.Span.wrap(context).makeCurrent()) {
            TraceContext.detect().addTo(new LogRecord(Level.INFO, "x"), event);
        }
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", event.traceId);
        assertEquals("00f067aa0ba902b7", event.spanId);
    }

    @Test
    void noTraceIdsWithoutASpan() {
        TraceContext.detect().addTo(new LogRecord(Level.INFO, "x"), event);
        assertNull(event.traceId);
        assertNull(event.spanId);
    }
}
