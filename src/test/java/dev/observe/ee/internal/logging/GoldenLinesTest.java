package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

/**
 * Exact lines, byte for byte, for every schema with everything a line can carry (context, bound and call fields,
 * nested values, a redacted key, a colliding key, a cut value, static fields, service, trace ids, an exception with
 * a cause), plus renames: the field table and the sanitize stage must not change a single byte of these.
 * (One console byte did change with the sanitize stage, on purpose: trace ids are no longer cut at
 * {@code max-value-length}; they are ids, not values.)
 */
class GoldenLinesTest {

    static final String DEFAULT = "{\"timestamp\":\"2024-01-15T14:32:01.123456Z\",\"level\":\"warning\",\"logger\":\"orders.OrderServ...[truncated 3 chars]\","
            + "\"event\":\"payment_declined\",\"request_id\":\"r-1\",\"user_id\":123,\"card\":{\"number\":\"4111 1111 1111 1...[truncated 3 chars]\","
            + "\"cvv\":\"[REDACTED]\",\"brand\":\"visa\"},\"items\":[\"A1\",2,true,null],\"fields.level\":\"mine\","
            + "\"password\":\"[REDACTED]\",\"note\":\"0123456789abcdef...[truncated 4 chars]\",\"total\":99.5,\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
            + "\"span_id\":\"00f067aa0ba902b7\",\"service\":\"orders\",\"environment\":\"prod\",\"region\":\"eu\","
            + "\"exception\":{\"type\":\"java.lang.IllegalStateException\",\"message\":\"declined\",\"stack_trace\":\"java.lang.IllegalStateException: declined\\n\\tat com.example.Pay.charge(Pay.java:10)\\nCaused by: java.io.IOException: gateway \\\"down\\\"\\n\\tat com.example.Gateway.call(Gateway.java:20)\"}}\n";
    static final String ECS = "{\"@timestamp\":\"2024-01-15T14:32:01.123456Z\",\"log.level\":\"WARN\",\"message\":\"payment_declined\","
            + "\"ecs.version\":\"1.2.0\",\"service.name\":\"orders\",\"log.logger\":\"orders.OrderServ...[truncated 3 chars]\","
            + "\"process.thread.name\":\"worker-1\",\"trace.id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"span.id\":\"00f067aa0ba902b7\","
            + "\"environment\":\"prod\",\"region\":\"eu\",\"request_id\":\"r-1\",\"user_id\":123,\"card\":{\"number\":\"4111 1111 1111 1...[truncated 3 chars]\","
            + "\"cvv\":\"[REDACTED]\",\"brand\":\"visa\"},\"items\":[\"A1\",2,true,null],\"level\":\"mine\",\"password\":\"[REDACTED]\","
            + "\"note\":\"0123456789abcdef...[truncated 4 chars]\",\"total\":99.5,\"error.type\":\"java.lang.IllegalStateException\","
            + "\"error.message\":\"declined\",\"error.stack_trace\":\"java.lang.IllegalStateException: declined\\n\\tat com.example.Pay.charge(Pay.java:10)\\nCaused by: java.io.IOException: gateway \\\"down\\\"\\n\\tat com.example.Gateway.call(Gateway.java:20)\"}\n";
    static final String LOGSTASH = "{\"@timestamp\":\"2024-01-15T14:32:01.123456Z\",\"@version\":\"1\",\"message\":\"payment_declined\","
            + "\"logger_name\":\"orders.OrderServ...[truncated 3 chars]\",\"thread_name\":\"worker-1\",\"level\":\"WARN\","
            + "\"level_value\":30000,\"request_id\":\"r-1\",\"user_id\":123,\"card\":{\"number\":\"4111 1111 1111 1...[truncated 3 chars]\","
            + "\"cvv\":\"[REDACTED]\",\"brand\":\"visa\"},\"items\":[\"A1\",2,true,null],\"fields.level\":\"mine\","
            + "\"password\":\"[REDACTED]\",\"note\":\"0123456789abcdef...[truncated 4 chars]\",\"total\":99.5,\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
            + "\"span_id\":\"00f067aa0ba902b7\",\"service\":\"orders\",\"environment\":\"prod\",\"region\":\"eu\","
            + "\"stack_trace\":\"java.lang.IllegalStateException: declined\\n\\tat com.example.Pay.charge(Pay.java:10)\\nCaused by: java.io.IOException: gateway \\\"down\\\"\\n\\tat com.example.Gateway.call(Gateway.java:20)\"}\n";
    static final String RENAMED = "{\"timestamp\":\"2024-01-15T14:32:01.123456Z\",\"severity\":\"warning\",\"logger\":\"orders.OrderServ...[truncated 3 chars]\","
            + "\"msg\":\"payment_declined\",\"request_id\":\"r-1\",\"user_id\":123,\"card\":{\"number\":\"4111 1111 1111 1...[truncated 3 chars]\","
            + "\"cvv\":\"[REDACTED]\",\"brand\":\"visa\"},\"items\":[\"A1\",2,true,null],\"level\":\"mine\",\"password\":\"[REDACTED]\","
            + "\"note\":\"0123456789abcdef...[truncated 4 chars]\",\"total\":99.5,\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
            + "\"span_id\":\"00f067aa0ba902b7\",\"app\":\"orders\",\"environment\":\"prod\",\"region\":\"eu\",\"exception\":{\"type\":\"java.lang.IllegalStateException\","
            + "\"message\":\"declined\",\"trace\":\"java.lang.IllegalStateException: declined\\n\\tat com.example.Pay.charge(Pay.java:10)\\nCaused by: java.io.IOException: gateway \\\"down\\\"\\n\\tat com.example.Gateway.call(Gateway.java:20)\"}}\n";
    static final String CONSOLE = "TIME [warning  ] payment_declined               [orders.OrderServ...[truncated 3 chars]] request_id=r-1 user_id=123 card={\"number\":\"4111 ...[truncated 69 chars] items=[\"A1\","
            + "2,true,nul...[truncated 2 chars] level=mine password=[REDACTED] note=0123456789abcdef...[truncated 4 chars] total=99.5 trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7\njava.lang.IllegalStateException: declined\n\tat com.example.Pay.charge(Pay.java:10)\nCaused by: java.io.IOException: gateway \"down\"\n\tat com.example.Gateway.call(Gateway.java:20)\n";

    @Test
    void defaultSchema() {
        assertEquals(DEFAULT, render(LogFormat.builder()));
    }

    @Test
    void ecsSchema() {
        assertEquals(ECS, render(LogFormat.builder().schema(LogSettings.Schema.ECS)));
    }

    @Test
    void logstashSchema() {
        assertEquals(LOGSTASH, render(LogFormat.builder().schema(LogSettings.Schema.LOGSTASH)));
    }

    @Test
    void renamedFields() {
        assertEquals(RENAMED, render(LogFormat.builder().rename("event", "msg").rename("level", "severity")
                .rename("stack_trace", "trace").rename("service", "app")));
    }

    @Test
    void console() {
        assertEquals(CONSOLE, render(LogFormat.builder().renderer(LogSettings.Format.CONSOLE)).replaceFirst(
                "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", "TIME"));
    }

    /** Rendered on a thread of a known name, the line's thread field. */
    static String render(LogFormat.Builder builder) {
        LogFormat format = builder.service("orders").staticField("environment", "prod").staticField("region", "eu")
                .maxValueLength(16).build();
        AtomicReference<String> line = new AtomicReference<>();
        Thread worker = new Thread(() -> line.set(new LineEncoder(format, new JsonRendererTest.FixedTrace())
                .format(record())), "worker-1");
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return line.get();
    }

    static StructuredRecord record() {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("number", "4111 1111 1111 1111");
        card.put("cvv", "123");
        card.put("brand", "visa");
        IllegalStateException thrown = new IllegalStateException("declined",
                withFrame(new java.io.IOException("gateway \"down\""), "com.example.Gateway", "call", 20));
        withFrame(thrown, "com.example.Pay", "charge", 10);
        StructuredRecord record = new StructuredRecord(Level.WARNING, "orders.OrderService", "payment_declined",
                new Object[] {"request_id", "r-1"}, new Object[] {"user_id", 123},
                new Object[] {"card", card, "items", java.util.Arrays.asList("A1", 2, true, null), "level", "mine", "password", "hunter2",
                        "note", "0123456789abcdefghij", "total", 99.5}, thrown);
        record.setInstant(Instant.parse("2024-01-15T14:32:01.123456789Z"));
        return record;
    }

    private static <T extends Throwable> T withFrame(T thrown, String type, String method, int line) {
        thrown.setStackTrace(new StackTraceElement[] {new StackTraceElement(type, method, type.substring(
                type.lastIndexOf('.') + 1) + ".java", line)});
        return thrown;
    }
}
