package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The sanitize stage alone, structlog style: an event in, the event every sink consumes out. */
class SanitizerTest {

    enum Tier { GOLD }

    private final LogEvent event = new LogEvent();

    private static Sanitizer sanitizer(LogFormat format) {
        return new Sanitizer(format, FieldTable.of(format));
    }

    private static Sanitizer sanitizer() {
        return sanitizer(LogFormat.builder().redactAlso(List.of("number")).maxValueLength(16).build());
    }

    private void sanitize(Sanitizer sanitizer, Object... keyValues) {
        event.logger = "orders";
        event.event = "e";
        event.threadName = "main";
        event.addFields(keyValues);
        sanitizer.sanitize(event);
    }

    @Test
    void redactsAtAnyDepth() {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("number", "4111 1111 1111 1111");
        card.put("cvv", "123");
        card.put("brand", "visa");
        sanitize(sanitizer(), "card", card, "payments", List.of(Map.of("cvv", "999")),
                "array", new Object[] {Map.of("Password", "p")}, "deep", Map.of("a", Map.of("b", List.of(card))),
                "token", Map.of("not", "even looked at"));

        assertEquals(Map.of("number", "[REDACTED]", "cvv", "[REDACTED]", "brand", "visa"), event.field("card"));
        assertEquals(List.of(Map.of("cvv", "[REDACTED]")), event.field("payments"));
        assertEquals(List.of(Map.of("Password", "[REDACTED]")), event.field("array"));
        assertEquals(Map.of("a", Map.of("b", List.of(Map.of("number", "[REDACTED]", "cvv", "[REDACTED]",
                "brand", "visa")))), event.field("deep"));
        assertEquals("[REDACTED]", event.field("token"));
        assertFalse(JsonRenderer.valueText(event.field("deep")).contains("4111"));
    }

    @Test
    void boundsStringsWithOneMarkerAndNeverSplitsASurrogatePair() {
        sanitize(sanitizer(), "note", "0123456789abcdefXYZ", "nested", Map.of("k", "0123456789abcdefXYZ"));

        assertEquals("0123456789abcdef...[truncated 3 chars]", event.field("note"));
        assertEquals(Map.of("k", "0123456789abcdef...[truncated 3 chars]"), event.field("nested"));
        assertEquals("abcd...[truncated 5 chars]", Sanitizer.bounded("abcd\ud83d\ude00xyz", 5));
        assertEquals("abcd...[truncated 6 chars]", Sanitizer.bounded("abcdefghij", 4));
    }

    @Test
    void standardFieldsAndKeysAreBoundedToo() {
        event.logger = "x".repeat(20);
        event.event = "y".repeat(20);
        event.threadName = "z".repeat(20);
        event.thrown = new IllegalStateException("m".repeat(20));
        event.putField("k".repeat(20), 1);
        sanitizer().sanitize(event);

        assertEquals("x".repeat(16) + "...[truncated 4 chars]", event.logger);
        assertEquals("y".repeat(16) + "...[truncated 4 chars]", event.event);
        assertEquals("z".repeat(16) + "...[truncated 4 chars]", event.threadName);
        assertEquals("k".repeat(16) + "...[truncated 4 chars]", event.key(0));
        assertEquals("java.lang.IllegalStateException", event.errorType);
        assertEquals("m".repeat(16) + "...[truncated 4 chars]", event.errorMessage);
    }

    @Test
    void valuesWithinTheBoundAreTheSameObjectsNotCopies() {
        String text = "fits";
        Long count = 123_456L;
        sanitize(sanitizer(), "text", text, "count", count);
        assertSame(text, event.field("text"));
        assertSame(count, event.field("count"));
    }

    @Test
    void collidingKeysMoveAsideByTheSchemasNames() {
        LogFormat ecs = LogFormat.builder().schema(LogSettings.Schema.ECS).staticField("region", "eu").build();
        sanitize(sanitizer(ecs), "message", 1, "level", 2, "region", 3, "log.level", 4);

        assertEquals(List.of("fields.message", "level", "fields.region", "fields.log.level"), keys());
    }

    @Test
    void renamedStandardFieldsFreeTheirOldName() {
        LogFormat renamed = LogFormat.builder().rename("event", "msg").build();
        sanitize(sanitizer(renamed), "event", 1, "msg", 2);
        assertEquals(List.of("event", "fields.msg"), keys());
    }

    @Test
    void consoleLinesReserveOnlyTheirKeyedFields() {
        LogFormat console = LogFormat.builder().renderer(LogSettings.Format.CONSOLE).build();
        sanitize(sanitizer(console), "level", 1, "trace_id", 2);
        assertEquals(List.of("level", "fields.trace_id"), keys());
    }

    @Test
    void addsServiceAndStaticFields() {
        LogFormat format = LogFormat.builder().service("orders").staticField("env", "prod").staticField("az", "b")
                .build();
        sanitize(sanitizer(format));
        assertEquals("orders", event.service);
        assertArrayEquals(new String[] {"env", "prod", "az", "b"}, event.staticFields);

        event.clear();
        sanitize(sanitizer(LogFormat.builder().build()));
        assertNull(event.service);
        assertEquals(0, event.staticFields.length);
    }

    @Test
    void valuesAreReducedToJsonTypes() {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        sanitize(sanitizer(LogFormat.builder().build()), "enum", Tier.GOLD, "instant",
                Instant.parse("2024-01-15T14:32:01Z"), "uuid", id, "optional", Optional.of(9), "empty",
                Optional.empty(), "atomic", new AtomicLong(7), "chars", new char[] {'a', 'b'}, "ints", new int[] {1},
                "error", new IllegalStateException("late"), "big", new BigDecimal("1.5"), "char", 'c',
                "builder", new StringBuilder("sb"));

        assertEquals("GOLD", event.field("enum"));
        assertEquals("2024-01-15T14:32:01Z", event.field("instant"));
        assertEquals(id.toString(), event.field("uuid"));
        assertEquals(9, event.field("optional"));
        assertNull(event.field("empty"));
        assertEquals(7L, event.field("atomic"));
        assertEquals(List.of("a", "b"), event.field("chars"));
        assertEquals(List.of(1), event.field("ints"));
        assertEquals("java.lang.IllegalStateException: late", event.field("error"));
        assertEquals(new BigDecimal("1.5"), event.field("big"));
        assertEquals("c", event.field("char"));
        assertEquals("sb", event.field("builder"));
    }

    @Test
    void longBigNumbersBecomeBoundedText() {
        sanitize(sanitizer(), "big", new BigDecimal("12345678901234567890.5"));
        assertEquals("1234567890123456...[truncated 6 chars]", event.field("big"));
    }

    @Test
    void listsAndNestingAreBounded() {
        List<Integer> many = new ArrayList<>(Collections.nCopies(Sanitizer.MAX_ELEMENTS + 5, 1));
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("self", loop);
        sanitize(sanitizer(LogFormat.builder().build()), "many", many, "loop", loop, "primitive",
                new long[Sanitizer.MAX_ELEMENTS + 2]);

        List<?> list = (List<?>) event.field("many");
        assertEquals(Sanitizer.MAX_ELEMENTS + 1, list.size());
        assertEquals("...[5 more]", list.get(Sanitizer.MAX_ELEMENTS));
        assertEquals("...[2 more]", ((List<?>) event.field("primitive")).get(Sanitizer.MAX_ELEMENTS));
        assertTrue(JsonRenderer.valueText(event.field("loop")).contains("[nested deeper than 8]"));
    }

    @Test
    void aFailingToStringOrAChangingMapBecomesAPlaceholder() {
        Object broken = TestLines.failingToString();
        Map<String, Object> changing = new LinkedHashMap<>() {
            @Override
            public java.util.Set<Map.Entry<String, Object>> entrySet() {
                throw new java.util.ConcurrentModificationException();
            }
        };
        sanitize(sanitizer(LogFormat.builder().build()), "bad", broken, "nested", Map.of("k", broken),
                "changing", changing, "after", 1);

        assertTrue(((String) event.field("bad")).contains("toString() failed: java.lang.IllegalStateException"));
        assertTrue(((String) ((Map<?, ?>) event.field("nested")).get("k")).contains("toString() failed"));
        assertTrue(((String) event.field("changing")).contains("ConcurrentModificationException"));
        assertEquals(1, event.field("after"));
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < event.fieldCount(); i++) {
            keys.add(event.key(i));
        }
        return keys;
    }
}
