package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;
import dev.observe.ee.logging.LogContext;
import static dev.observe.ee.internal.logging.TestLines.json;
import static dev.observe.ee.internal.logging.TestLines.keys;
import static dev.observe.ee.internal.logging.TestLines.structured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class JsonRendererTest {

    enum Tier { GOLD }

    @Test
    void defaultSchemaHasTheGuidesNamesInAStableOrder() {
        LogFormat format = LogFormat.builder().service("orders").staticField("environment", "prod").build();
        StructuredRecord record = structured(Level.INFO, "order_placed",
                new Object[] {"request_id", "r-1"}, new Object[] {"user_id", 123}, "order_id", 456, "total", 99.99);

        JsonObject line = json(format, record);

        assertEquals(List.of("timestamp", "level", "logger", "event", "request_id", "user_id", "order_id", "total",
                "service", "environment"), keys(line));
        assertEquals("2024-01-15T14:32:01.123456Z", line.getString("timestamp"));
        assertEquals("info", line.getString("level"));
        assertEquals("orders.OrderService", line.getString("logger"));
        assertEquals("order_placed", line.getString("event"));
        assertEquals(123, line.getInt("user_id"));
        assertEquals(456, line.getInt("order_id"));
        assertEquals(new BigDecimal("99.99"), line.getJsonNumber("total").bigDecimalValue());
        assertEquals("orders", line.getString("service"));
        assertEquals("prod", line.getString("environment"));
    }

    @Test
    void valuesKeepTheirJsonTypes() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("sku", "A1");
        nested.put("quantity", 2);
        nested.put("tags", List.of("new", true));
        StructuredRecord record = structured(Level.INFO, "typed", null, null,
                "int", 1, "long", 2L, "short", (short) 3, "double", 1.5, "float", 2.5f, "bool", true,
                "null", null, "string", "s", "big", new BigDecimal("12345678901234567890.5"),
                "map", nested, "list", List.of(1, "two"), "array", new String[] {"x", "y"},
                "ints", new int[] {4, 5}, "instant", Instant.parse("2024-01-15T14:32:01Z"),
                "odt", OffsetDateTime.of(2024, 1, 15, 14, 32, 1, 0, ZoneOffset.ofHours(2)),
                "enum", Tier.GOLD, "set", Set.of(7), "char", 'c', "nan", Double.NaN, "opt", java.util.Optional.of(9),
                "object", new Object() {
                    @Override
                    public String toString() {
                        return "custom";
                    }
                });

        JsonObject line = json(TestLines.json(), record);

        assertEquals(JsonValue.ValueType.NUMBER, line.get("int").getValueType());
        assertEquals(2L, line.getJsonNumber("long").longValue());
        assertEquals(3, line.getInt("short"));
        assertEquals(1.5, line.getJsonNumber("double").doubleValue());
        assertEquals(2.5, line.getJsonNumber("float").doubleValue());
        assertEquals(JsonValue.TRUE, line.get("bool"));
        assertEquals(JsonValue.NULL, line.get("null"));
        assertEquals("s", line.getString("string"));
        assertEquals(new BigDecimal("12345678901234567890.5"), ((JsonNumber) line.get("big")).bigDecimalValue());
        assertEquals("A1", line.getJsonObject("map").getString("sku"));
        assertEquals(2, line.getJsonObject("map").getInt("quantity"));
        assertEquals(JsonValue.TRUE, line.getJsonObject("map").getJsonArray("tags").get(1));
        assertEquals("two", line.getJsonArray("list").getString(1));
        assertEquals("y", line.getJsonArray("array").getString(1));
        assertEquals(5, line.getJsonArray("ints").getInt(1));
        assertEquals("2024-01-15T14:32:01Z", line.getString("instant"));
        assertEquals("2024-01-15T14:32:01+02:00", line.getString("odt"));
        assertEquals("GOLD", line.getString("enum"));
        assertEquals(7, line.getJsonArray("set").getInt(0));
        assertEquals("c", line.getString("char"));
        assertEquals("NaN", line.getString("nan"));
        assertEquals(9, line.getInt("opt"));
        assertEquals("custom", line.getString("object"));
    }

    @Test
    void laterFieldsWinAndKeepTheFirstPosition() {
        StructuredRecord record = structured(Level.INFO, "e", new Object[] {"user_id", "ctx", "a", 1},
                new Object[] {"user_id", "bound"}, "user_id", "call");

        JsonObject line = json(TestLines.json(), record);

        assertEquals(List.of("timestamp", "level", "logger", "event", "user_id", "a"), keys(line));
        assertEquals("call", line.getString("user_id"));
    }

    @Test
    void userFieldsNamedLikeStandardFieldsAreMovedAside() {
        StructuredRecord record = structured(Level.INFO, "e", null, null, "level", "mine", "event", 1);

        JsonObject line = json(TestLines.json(), record);

        assertEquals("info", line.getString("level"));
        assertEquals("mine", line.getString("fields.level"));
        assertEquals(1, line.getInt("fields.event"));
    }

    @Test
    void oddArgumentsAndNullKeysAreShownNotThrown() {
        StructuredRecord record = structured(Level.INFO, "e", null, null, "a", 1, null, 2, 42, 3, "dangling");

        JsonObject line = json(TestLines.json(), record);

        assertEquals(1, line.getInt("a"));
        assertEquals(2, line.getInt(KeyValues.NULL_KEY));
        assertEquals(3, line.getInt("42"));
        assertEquals("dangling", line.getString(KeyValues.UNPAIRED_KEY));
    }

    @Test
    void failingToStringBecomesAPlaceholder() {
        Object broken = TestLines.failingToString();
        StructuredRecord record = structured(Level.INFO, "e", null, null, "bad", broken, "map", Map.of("k", broken),
                "after", 1);

        JsonObject line = json(TestLines.json(), record);

        assertTrue(line.getString("bad").contains("toString() failed: java.lang.IllegalStateException"));
        assertTrue(line.getJsonObject("map").getString("k").contains("toString() failed"));
        assertEquals(1, line.getInt("after"));
    }

    @Test
    void selfContainingMapIsCutOffNotOverflowed() {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("self", loop);
        JsonObject line = json(TestLines.json(), structured(Level.INFO, "e", null, null, "loop", loop));
        assertTrue(line.getJsonObject("loop").toString().contains("nested deeper than"));
    }

    @Test
    void redactsKeysAnywhereIgnoringCase() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer abc");
        headers.put("accept", "json");
        StructuredRecord record = structured(Level.INFO, "login", new Object[] {"Cookie", "s=1"}, null,
                "PASSWORD", "hunter2", "headers", headers, "user", "ann");

        JsonObject line = json(TestLines.json(), record);

        assertEquals("[REDACTED]", line.getString("Cookie"));
        assertEquals("[REDACTED]", line.getString("PASSWORD"));
        assertEquals("[REDACTED]", line.getJsonObject("headers").getString("Authorization"));
        assertEquals("json", line.getJsonObject("headers").getString("accept"));
        assertEquals("ann", line.getString("user"));
        assertFalse(TestLines.render(TestLines.json(), record).contains("hunter2"));
    }

    @Test
    void redactionListCanBeExtendedAndReplaced() {
        StructuredRecord record = structured(Level.INFO, "e", null, null, "password", "p", "iban", "DE00");

        JsonObject extended = json(LogFormat.builder().redactAlso(List.of("IBAN")).build(), record);
        assertEquals("[REDACTED]", extended.getString("password"));
        assertEquals("[REDACTED]", extended.getString("iban"));

        JsonObject replaced = json(LogFormat.builder().redactedKeys(List.of("iban")).build(), record);
        assertEquals("p", replaced.getString("password"));
        assertEquals("[REDACTED]", replaced.getString("iban"));
    }

    @Test
    void longValuesAreBounded() {
        StructuredRecord record = structured(Level.INFO, "x".repeat(100), null, null, "blob", "y".repeat(100));

        JsonObject line = json(LogFormat.builder().maxValueLength(16).build(), record);

        assertEquals("x".repeat(16) + "...[truncated 84 chars]", line.getString("event"));
        assertEquals("y".repeat(16) + "...[truncated 84 chars]", line.getString("blob"));
    }

    @Test
    void exceptionWithCausesAndSuppressedInDefaultSchema() {
        IllegalStateException root = new IllegalStateException("db down");
        RuntimeException cause = new RuntimeException("insert failed", root);
        IllegalArgumentException thrown = new IllegalArgumentException("order rejected", cause);
        thrown.addSuppressed(new java.io.IOException("close failed"));
        LogRecord record = new StructuredRecord(Level.SEVERE, "orders", "order_placement_failed",
                KeyValues.EMPTY, KeyValues.EMPTY, KeyValues.EMPTY, thrown);

        JsonObject line = json(TestLines.json(), record);

        assertEquals("error", line.getString("level"));
        assertEquals("exception", keys(line).get(keys(line).size() - 1), "exception comes last");
        JsonObject exception = line.getJsonObject("exception");
        assertEquals(List.of("type", "message", "stack_trace"), keys(exception));
        assertEquals("java.lang.IllegalArgumentException", exception.getString("type"));
        assertEquals("order rejected", exception.getString("message"));
        String trace = exception.getString("stack_trace");
        assertTrue(trace.startsWith("java.lang.IllegalArgumentException: order rejected\n\tat "), trace);
        assertTrue(trace.contains("\nCaused by: java.lang.RuntimeException: insert failed\n"), trace);
        assertTrue(trace.contains("\nCaused by: java.lang.IllegalStateException: db down\n"), trace);
        assertTrue(trace.contains("\tSuppressed: java.io.IOException: close failed\n"), trace);
        assertTrue(trace.contains(" more"), "frames in common are folded: " + trace);
    }

    @Test
    void stackTraceIsBoundedAndCyclesEnd() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        LogRecord record = new StructuredRecord(Level.SEVERE, "l", "e", KeyValues.EMPTY, KeyValues.EMPTY,
                KeyValues.EMPTY, first);

        String cyclic = json(TestLines.json(), record).getJsonObject("exception").getString("stack_trace");
        assertTrue(cyclic.contains("[circular reference: java.lang.RuntimeException]"), cyclic);

        String bounded = json(LogFormat.builder().maxStackTraceLength(300).build(), record)
                .getJsonObject("exception").getString("stack_trace");
        assertTrue(bounded.length() < 300 + 200, bounded);
        assertTrue(bounded.endsWith("[stack trace truncated]"), bounded);
    }

    @Test
    void ecsSchemaFollowsTheEcsFieldReference() {
        LogFormat format = LogFormat.builder().schema(LogSettings.Schema.ECS).service("orders").build();
        StructuredRecord record = new StructuredRecord(Level.WARNING, "orders.OrderService", "slow_order",
                new Object[] {"request_id", "r-1"}, KeyValues.EMPTY, new Object[] {"order_id", 4},
                new IllegalStateException("late"));
        record.setInstant(Instant.parse("2024-01-15T14:32:01.123456Z"));

        JsonObject line = TestLines.parse(new LineEncoder(format, new FixedTrace()).format(record));

        assertEquals(List.of("@timestamp", "log.level", "message", "ecs.version", "service.name", "log.logger",
                "process.thread.name", "trace.id", "span.id", "request_id", "order_id", "error.type", "error.message",
                "error.stack_trace"), keys(line));
        assertEquals("2024-01-15T14:32:01.123456Z", line.getString("@timestamp"));
        assertEquals("WARN", line.getString("log.level"));
        assertEquals("slow_order", line.getString("message"));
        assertTrue(line.getString("ecs.version").matches("1\\.\\d+\\.\\d+"));
        assertEquals("orders", line.getString("service.name"));
        assertEquals("orders.OrderService", line.getString("log.logger"));
        assertEquals(FixedTrace.TRACE_ID, line.getString("trace.id"));
        assertEquals(FixedTrace.SPAN_ID, line.getString("span.id"));
        assertEquals("java.lang.IllegalStateException", line.getString("error.type"));
        assertEquals("late", line.getString("error.message"));
        assertTrue(line.getString("error.stack_trace").startsWith("java.lang.IllegalStateException: late"));
    }

    @Test
    void logstashSchemaUsesLogstashEncoderNames() {
        LogFormat format = LogFormat.builder().schema(LogSettings.Schema.LOGSTASH).build();
        StructuredRecord record = new StructuredRecord(Level.SEVERE, "orders.OrderService", "failed",
                KeyValues.EMPTY, KeyValues.EMPTY, new Object[] {"order_id", 4}, new IllegalStateException("x"));

        JsonObject line = json(format, record);

        assertEquals(List.of("@timestamp", "@version", "message", "logger_name", "thread_name", "level",
                "level_value", "order_id", "stack_trace"), keys(line));
        assertEquals("1", line.getString("@version"));
        assertEquals("ERROR", line.getString("level"));
        assertEquals(40_000, line.getInt("level_value"));
        assertEquals(Thread.currentThread().getName(), line.getString("thread_name"));
    }

    @Test
    void standardFieldsCanBeRenamed() {
        LogFormat format = LogFormat.builder().rename("event", "msg").rename("level", "severity").build();
        StructuredRecord record = structured(Level.INFO, "hello", null, null, "msg", "mine");

        JsonObject line = json(format, record);

        assertEquals(List.of("timestamp", "severity", "logger", "msg", "fields.msg"), keys(line));
        assertEquals("hello", line.getString("msg"));
    }

    @Test
    void plainJulRecordsGetPositionalFormattingAndTheThreadsContext() {
        LogRecord record = new LogRecord(Level.INFO, "stock for {0} is {1}");
        record.setParameters(new Object[] {"A1", 3});
        record.setLoggerName("inventory");
        JsonObject line;
        try (LogContext.Scope ignored = LogContext.scope("request_id", "r-9")) {
            line = json(TestLines.json(), record);
        }
        assertEquals("stock for A1 is 3", line.getString("event"));
        assertEquals("r-9", line.getString("request_id"));
        assertFalse(json(TestLines.json(), record).containsKey("request_id"), "context gone after the scope");
    }

    @Test
    void nullMessageAndLoggerAreEmptyStrings() {
        LogRecord record = new LogRecord(Level.INFO, null);
        JsonObject line = json(TestLines.json(), record);
        assertEquals("", line.getString("event"));
        assertEquals("", line.getString("logger"));
    }

    /** A trace context with fixed ids, standing in for the OpenTelemetry lookup. */
    static final class FixedTrace extends TraceContext {
        static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
        static final String SPAN_ID = "00f067aa0ba902b7";

        @Override
        void addTo(LogRecord record, LogEvent event) {
            event.traceId = TRACE_ID;
            event.spanId = SPAN_ID;
        }
    }
}
