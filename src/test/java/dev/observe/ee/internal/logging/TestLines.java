package dev.observe.ee.internal.logging;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** Renders records with a real format and parses the result with a real JSON parser. */
final class TestLines {

    private TestLines() {
    }

    static String render(LogFormat format, LogRecord record) {
        return new LineEncoder(format, TraceContext.NONE).format(record);
    }

    static JsonObject json(LogFormat format, LogRecord record) {
        String line = render(format, record);
        if (!line.endsWith("\n") || line.indexOf('\n') != line.length() - 1) {
            throw new AssertionError("not exactly one line: " + line);
        }
        return parse(line);
    }

    static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    static List<String> keys(JsonObject object) {
        return new ArrayList<>(object.keySet());
    }

    static StructuredRecord structured(Level level, String event, Object[] context, Object[] bound,
            Object... keyValues) {
        StructuredRecord record = new StructuredRecord(level, "orders.OrderService", event,
                KeyValues.normalize(context), KeyValues.normalize(bound), KeyValues.normalize(keyValues), null);
        record.setInstant(java.time.Instant.parse("2024-01-15T14:32:01.123456789Z"));
        return record;
    }

    static LogFormat json() {
        return LogFormat.builder().build();
    }

    /** A value whose {@code toString()} throws {@code IllegalStateException("no")}. */
    static Object failingToString() {
        return new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
    }
}
