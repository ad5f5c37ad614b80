package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

/**
 * Issue 11 §6: every configured bound holds for every part of a line, and every cut says it is one: a huge
 * exception message inside the stack trace, a long class name, a deep cause chain, huge nested values and keys.
 */
class BoundsTest {

    private static final int STACK = LogSettings.DEFAULT_MAX_STACK_TRACE_LENGTH;
    private static final int VALUE = LogSettings.DEFAULT_MAX_VALUE_LENGTH;
    /** Room for the markers and the fixed fields of a line. */
    private static final int SLACK = 1024;

    private static LogRecord failure(Throwable thrown, Object... keyValues) {
        return new StructuredRecord(Level.SEVERE, "l", "x", KeyValues.EMPTY, KeyValues.EMPTY,
                KeyValues.normalize(keyValues), thrown);
    }

    @Test
    void aTwoMegabyteExceptionMessageIsCutInsideTheStackTraceInEverySink() {
        LogRecord record = failure(new IllegalStateException("h".repeat(2_000_000)));
        for (LogSettings.Schema schema : LogSettings.Schema.values()) {
            String line = TestLines.render(LogFormat.builder().schema(schema).build(), record);
            assertTrue(line.length() < STACK + VALUE + SLACK, schema + ": a line of " + line.length() + " chars");
            assertTrue(line.contains("[stack trace truncated]"), schema + " marks the cut");
            TestLines.parse(line);
        }
        String console = TestLines.render(LogFormat.builder().renderer(LogSettings.Format.CONSOLE).build(), record);
        assertTrue(console.length() < STACK + VALUE + SLACK, "console: " + console.length());
        StringBuilder text = new StringBuilder();
        StackTraces.render(record.getThrown(), SafeText.message(record.getThrown()), text, STACK);
        assertTrue(text.length() < STACK + 64, "the OTLP copy: " + text.length());
    }

    @Test
    void anEscapedMessageStaysWithinTheBoundToo() {
        // Every control character grows sixfold in JSON (\\u0001): the bound is on what the line carries.
        LogRecord record = failure(new IllegalStateException("\u0001".repeat(100_000)));
        String trace = TestLines.json(TestLines.json(), record).getJsonObject("exception").getString("stack_trace");
        String line = TestLines.render(TestLines.json(), record);
        assertTrue(line.length() < STACK + VALUE * 6 + SLACK, "line of " + line.length());
        assertTrue(trace.endsWith("[stack trace truncated]"), trace.substring(trace.length() - 60));
    }

    @Test
    void aDeepCauseChainWithoutACycleIsMarkedAsCutNotAsCircular() {
        Throwable chain = new RuntimeException("root");
        for (int i = 1; i < 40; i++) {
            chain = new RuntimeException("level " + i, chain);
        }
        // Frames would hit the length bound first; keep them out so that the nesting bound is what cuts.
        for (Throwable t = chain; t != null; t = t.getCause()) {
            t.setStackTrace(new StackTraceElement[0]);
        }

        String trace = TestLines.json(TestLines.json(), failure(chain)).getJsonObject("exception")
                .getString("stack_trace");

        assertFalse(trace.contains("circular"), trace);
        assertTrue(trace.endsWith("[stack trace truncated]"), trace);
    }

    @Test
    void aRealCycleIsStillNamedCircular() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        String trace = TestLines.json(TestLines.json(), failure(first)).getJsonObject("exception")
                .getString("stack_trace");
        assertTrue(trace.contains("[circular reference: java.lang.RuntimeException]"), trace);
    }

    @Test
    void mapsKeepAtMostMaxElementsEntriesAndSayHowManyMore() {
        Map<String, Object> big = new HashMap<>();
        for (int i = 0; i < Sanitizer.MAX_ELEMENTS + 500; i++) {
            big.put("k" + i, "v".repeat(100));
        }
        JsonObject map = TestLines.json(TestLines.json(), failure(null, "map", big)).getJsonObject("map");
        assertEquals(Sanitizer.MAX_ELEMENTS + 1, map.size());
        assertEquals("...[500 more]", map.getString(Sanitizer.MORE_KEY));
    }

    @Test
    void mapKeysAreBoundedAndKeysThatMeetStayApart() {
        Object sameText = new Object() {
            @Override
            public String toString() {
                return "same";
            }
        };
        Map<Object, Object> map = new java.util.LinkedHashMap<>();
        map.put("same", 1);
        map.put(sameText, 2);
        map.put("x".repeat(100), 3);
        String line = TestLines.render(LogFormat.builder().maxValueLength(16).build(), failure(null, "map", map));
        JsonObject json = TestLines.parse(line);
        KeyCollisionsTest.keysOf(line);
        assertEquals(1, json.getJsonObject("map").getInt("same"));
        assertEquals(2, json.getJsonObject("map").getInt("fields.same"));
        assertEquals(3, json.getJsonObject("map").getInt("x".repeat(16) + "...[truncated 84 chars]"));
    }

    @Test
    void keysAreBoundedAndTwoKeysCutToTheSameTextStayTwoKeys() {
        String a = "k".repeat(100) + "a";
        String b = "k".repeat(100) + "b";
        LogFormat small = LogFormat.builder().maxValueLength(32).build();
        String line = TestLines.render(small, failure(null, a, 1, b, 2));
        JsonObject json = TestLines.parse(line);
        assertTrue(line.length() < 600, line);
        assertEquals(2, json.keySet().stream().filter(key -> key.contains("kkkk")).count(), line);
        assertEquals(3, json.getJsonNumber(json.keySet().stream().filter(key -> key.contains("kkkk")).toList()
                .get(0)).intValue() + json.getJsonNumber(json.keySet().stream().filter(key -> key.contains("kkkk"))
                .toList().get(1)).intValue());
    }
}
