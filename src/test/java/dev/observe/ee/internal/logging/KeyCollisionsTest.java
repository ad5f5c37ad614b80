package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 11 §8, as a property: whatever keys the application uses — standard names of any schema, their dotted
 * parents and children, {@code fields.}-prefixed names, keys cut by the length bound — and however the standard
 * fields are renamed, no key appears twice in any object of a line, and no user key equals, or is the dotted parent
 * or child of, a standard field of the line (what Elasticsearch rejects once it expands the dots).
 */
class KeyCollisionsTest {

    /** One generated case: the line's layout, renames, static fields, the user's keys. */
    record Case(LogSettings.Schema schema, boolean console, Map<String, String> renames, Map<String, String> statics,
            List<String> keys, int maxValueLength) {
    }

    @Property(tries = 1500)
    void noKeyTwiceAndNoUserKeyCollidesWithAStandardField(@ForAll("cases") Case c) {
        LogFormat.Builder builder = LogFormat.builder().schema(c.schema).maxValueLength(c.maxValueLength)
                .service("svc").renderer(c.console ? LogSettings.Format.CONSOLE : LogSettings.Format.JSON);
        c.renames.forEach(builder::rename);
        c.statics.forEach(builder::staticField);
        LogFormat format = builder.build();
        Object[] keyValues = new Object[c.keys.size() * 2];
        for (int i = 0; i < c.keys.size(); i++) {
            keyValues[2 * i] = c.keys.get(i);
            keyValues[2 * i + 1] = Map.of(c.keys.get(i), i, c.keys.get(i) + "x", "nested");
        }
        StructuredRecord record = new StructuredRecord(Level.SEVERE, "l", "e", new Object[] {"level", "ctx"},
                new Object[] {"fields.level", "bound"}, KeyValues.normalize(keyValues), withoutFrames(new IllegalStateException("t")));
        LineEncoder encoder = new LineEncoder(format, new FixedTrace());
        String line = encoder.format(record);

        if (c.console) {
            assertConsoleKeysUnique(format, record, c);
            return;
        }
        Set<String> standard = standardPaths(FieldTable.of(format));
        List<String> topKeys = keysOf(line);
        Set<String> seen = new HashSet<>();
        for (String key : topKeys) {
            assertTrue(seen.add(key), () -> "twice: " + key + " in " + line);
        }
        List<String> userKeys = new ArrayList<>();
        for (String key : topKeys) {
            if (!standard.contains(key) && !isStandardObject(FieldTable.of(format), key)) {
                userKeys.add(key);
            }
        }
        // Every user field and every static field made it into the line, under some name.
        assertEquals(new LinkedHashMap<>(distinct(c.keys, "level", "fields.level")).size() + c.statics.size(),
                userKeys.size(), () -> "user keys " + userKeys + " of " + c + " in " + line);
        for (String key : userKeys) {
            for (String path : standard) {
                assertTrue(!key.equals(path) && !path.startsWith(key + ".") && !key.startsWith(path + "."),
                        () -> "user key " + key + " collides with standard " + path + " in " + line);
            }
        }
    }

    private static Throwable withoutFrames(Throwable thrown) {
        thrown.setStackTrace(new StackTraceElement[0]);
        return thrown;
    }

    private static Map<String, Boolean> distinct(List<String> keys, String... more) {
        Map<String, Boolean> all = new LinkedHashMap<>();
        for (String key : more) {
            all.put(key, true);
        }
        for (String key : keys) {
            all.put(key, true);
        }
        return all;
    }

    private static boolean isStandardObject(FieldTable table, String key) {
        for (FieldTable.Entry entry : table.entries()) {
            if (key.equals(entry.name()) && !entry.members().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Every standard field's path in the line: top-level names, members as {@code parent.member}. */
    static Set<String> standardPaths(FieldTable table) {
        Set<String> paths = new HashSet<>();
        for (FieldTable.Entry entry : table.entries()) {
            if (entry.name() == null) {
                continue;
            }
            if (entry.members().isEmpty()) {
                paths.add(entry.name());
            }
            for (FieldTable.Entry member : entry.members()) {
                paths.add(entry.name() + "." + member.name());
            }
        }
        return paths;
    }

    /** The top-level keys in order; fails on a key repeated in any object at any depth. */
    static List<String> keysOf(String line) {
        List<String> top = new ArrayList<>();
        Deque<Set<String>> objects = new ArrayDeque<>();
        try (JsonParser parser = Json.createParser(new StringReader(line))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case START_ARRAY -> objects.push(new HashSet<>());
                    case END_ARRAY -> objects.pop();
                    case KEY_NAME -> {
                        String key = parser.getString();
                        if (!objects.peek().add(key)) {
                            throw new AssertionError("key twice in one object: " + key + " in " + line);
                        }
                        if (objects.size() == 1) {
                            top.add(key);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return top;
    }

    /** The console's key=value pairs are the event's keys: each once, and never a trace id's name. */
    private static void assertConsoleKeysUnique(LogFormat format, StructuredRecord record, Case c) {
        LogEvent event = new LogEvent();
        new LogPipeline(format, new FixedTrace()).process(record, event);
        FieldTable table = FieldTable.of(format);
        Set<String> seen = new HashSet<>(List.of(table.nameOf(StandardField.TRACE_ID),
                table.nameOf(StandardField.SPAN_ID)));
        for (int i = 0; i < event.fieldCount(); i++) {
            String key = event.key(i);
            assertTrue(seen.add(key), () -> "twice on the console: " + key + " for " + c);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        List<String> interesting = new ArrayList<>();
        for (LogSettings.Schema schema : LogSettings.Schema.values()) {
            for (String path : standardPaths(FieldTable.of(LogFormat.builder().schema(schema).build()))) {
                interesting.add(path);
                interesting.add("fields." + path);
                interesting.add("fields.fields." + path);
                interesting.add(path + ".child");
                int dot = path.indexOf('.');
                if (dot > 0) {
                    interesting.add(path.substring(0, dot));
                }
            }
        }
        interesting.addAll(List.of("exception", "error", "log", "fields", "user_id", "a.b", "a", "env", "k".repeat(40)
                + "1", "k".repeat(40) + "2", "fields.env", "x"));
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(interesting),
                Arbitraries.strings().withChars("ab.fl_").ofMinLength(1).ofMaxLength(6));
        Arbitrary<Map<String, String>> renames = Arbitraries.maps(Arbitraries.of(interesting),
                Arbitraries.of(interesting)).ofMaxSize(3);
        Arbitrary<Map<String, String>> statics = Arbitraries.maps(key, Arbitraries.of("v")).ofMaxSize(3);
        return Combinators.combine(Arbitraries.of(LogSettings.Schema.class), Arbitraries.of(false, false, true),
                renames, statics, key.list().ofMaxSize(12), Arbitraries.of(16, 32, 8192)).as(Case::new);
    }

    private static final class FixedTrace extends TraceContext {
        @Override
        void addTo(java.util.logging.LogRecord record, LogEvent event) {
            event.traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
            event.spanId = "00f067aa0ba902b7";
        }
    }
}
