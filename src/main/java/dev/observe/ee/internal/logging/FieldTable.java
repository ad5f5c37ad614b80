package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.observe.ee.internal.logging.StandardField.ERROR_MESSAGE;
import static dev.observe.ee.internal.logging.StandardField.ERROR_STACK;
import static dev.observe.ee.internal.logging.StandardField.ERROR_TYPE;
import static dev.observe.ee.internal.logging.StandardField.EVENT;
import static dev.observe.ee.internal.logging.StandardField.EXCEPTION;
import static dev.observe.ee.internal.logging.StandardField.LEVEL;
import static dev.observe.ee.internal.logging.StandardField.LEVEL_VALUE;
import static dev.observe.ee.internal.logging.StandardField.LOGGER;
import static dev.observe.ee.internal.logging.StandardField.SERVICE;
import static dev.observe.ee.internal.logging.StandardField.SPAN_ID;
import static dev.observe.ee.internal.logging.StandardField.STATIC_FIELDS;
import static dev.observe.ee.internal.logging.StandardField.THREAD;
import static dev.observe.ee.internal.logging.StandardField.TIMESTAMP;
import static dev.observe.ee.internal.logging.StandardField.TRACE_ID;
import static dev.observe.ee.internal.logging.StandardField.USER_FIELDS;
import static dev.observe.ee.internal.logging.StandardField.VERSION;

/**
 * The field table of one line layout, in output order, with the user's renames applied once: the only place that
 * says which standard fields a schema has, what they are called and where they go (like jboss-logmanager's key
 * table). The JSON renderer walks it; the sanitize stage takes the names a user field must not repeat from it.
 *
 * <p>Layouts: the three JSON schemas of {@link LogSettings.Schema} — the guide's structlog names, Elastic Common
 * Schema 1.x as ecs-logging writes it, logstash-logback-encoder's names — and the console line, whose standard
 * fields are positional except the trace ids. Immutable.
 */
final class FieldTable {

    /** ECS version written as {@code ecs.version}, the one ecs-logging-java 1.x writes. */
    static final String ECS_VERSION = "1.2.0";
    /** logstash-logback-encoder's {@code @version}. */
    static final String LOGSTASH_VERSION = "1";

    /**
     * One field: its key, its name in the line (null where the field is positional or a placeholder), the fields
     * nested in it, and its constant value (the version fields), or null.
     */
    record Entry(StandardField field, String name, List<Entry> members, String constant) {
    }

    private static final Entry USER = new Entry(USER_FIELDS, null, List.of(), null);
    private static final Entry STATIC = new Entry(STATIC_FIELDS, null, List.of(), null);

    private final List<Entry> entries;
    private final boolean upperCaseLevel;
    private final Set<String> reservedNames;

    private FieldTable(List<Entry> entries, boolean upperCaseLevel) {
        this.entries = entries;
        this.upperCaseLevel = upperCaseLevel;
        Set<String> reserved = new HashSet<>();
        for (Entry entry : entries) {
            if (entry.name != null) {
                reserved.add(entry.name);
            }
        }
        this.reservedNames = Collections.unmodifiableSet(reserved);
    }

    /**
     * The table of the line {@code format} writes, renames applied — each rename only where it leaves every
     * standard field a name of its own: a rename onto another standard field's name, or onto the dotted parent or
     * child of one ({@code log} while {@code log.level} stays), is left out, the first of such renames kept.
     */
    static FieldTable of(LogFormat format) {
        return of(format.renderer, format, keptRenames(format.renderer, format));
    }

    /**
     * The renames the JSON line of {@code format}'s schema leaves out, in the order given, whatever
     * {@code format}'s renderer (the console keeps few of the names a rename can touch): a deployment fails on them
     * ({@link LogFormat#problems}), so a development console fails on what production would; a server-wide
     * formatter, which has no deployment to fail, leaves them out.
     */
    static Map<String, String> leftOutRenames(LogFormat format) {
        Map<String, String> leftOut = new java.util.LinkedHashMap<>(format.renames);
        leftOut.keySet().removeAll(keptRenames(LogSettings.Format.JSON, format).keySet());
        return leftOut;
    }

    private static Map<String, String> keptRenames(LogSettings.Format renderer, LogFormat format) {
        if (of(renderer, format, format.renames).isConsistent()) {
            return format.renames;
        }
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> rename : format.renames.entrySet()) {
            kept.put(rename.getKey(), rename.getValue());
            if (!of(renderer, format, kept).isConsistent()) {
                kept.remove(rename.getKey());
            }
        }
        return kept;
    }

    private static FieldTable of(LogSettings.Format renderer, LogFormat format, Map<String, String> renames) {
        if (renderer == LogSettings.Format.CONSOLE) {
            // Time, level, event and logger are positional on the console; only the trace ids are key=value.
            return new FieldTable(List.of(at(TIMESTAMP), at(LEVEL), at(EVENT), at(LOGGER), USER,
                    top(TRACE_ID, "trace_id", renames), top(SPAN_ID, "span_id", renames), at(EXCEPTION)), false);
        }
        return switch (format.schema) {
            case ECS -> new FieldTable(List.of(top(TIMESTAMP, "@timestamp", renames),
                    top(LEVEL, "log.level", renames), top(EVENT, "message", renames),
                    constant(VERSION, "ecs.version", ECS_VERSION, renames), top(SERVICE, "service.name", renames),
                    top(LOGGER, "log.logger", renames), top(THREAD, "process.thread.name", renames),
                    top(TRACE_ID, "trace.id", renames), top(SPAN_ID, "span.id", renames), STATIC, USER,
                    top(ERROR_TYPE, "error.type", renames), top(ERROR_MESSAGE, "error.message", renames),
                    top(ERROR_STACK, "error.stack_trace", renames)), true);
            case LOGSTASH -> new FieldTable(List.of(top(TIMESTAMP, "@timestamp", renames),
                    constant(VERSION, "@version", LOGSTASH_VERSION, renames), top(EVENT, "message", renames),
                    top(LOGGER, "logger_name", renames), top(THREAD, "thread_name", renames),
                    top(LEVEL, "level", renames), top(LEVEL_VALUE, "level_value", renames), USER,
                    top(TRACE_ID, "trace_id", renames), top(SPAN_ID, "span_id", renames),
                    top(SERVICE, "service", renames), STATIC, top(ERROR_STACK, "stack_trace", renames)), true);
            case DEFAULT -> new FieldTable(List.of(top(TIMESTAMP, "timestamp", renames),
                    top(LEVEL, "level", renames), top(LOGGER, "logger", renames), top(EVENT, "event", renames), USER,
                    top(TRACE_ID, "trace_id", renames), top(SPAN_ID, "span_id", renames),
                    top(SERVICE, "service", renames), STATIC,
                    // The members keep their names, except stack_trace, which has always followed a rename of
                    // stack_trace (the key logstash's top-level field shares): renaming it now would change lines.
                    new Entry(EXCEPTION, renames.getOrDefault("exception", "exception"), List.of(
                            new Entry(ERROR_TYPE, "type", List.of(), null),
                            new Entry(ERROR_MESSAGE, "message", List.of(), null),
                            top(ERROR_STACK, "stack_trace", renames)), null)), false);
        };
    }

    /** The entries in output order. */
    List<Entry> entries() {
        return entries;
    }

    /** Whether levels are written by their upper-case names ({@link LogLevel#upperName}). */
    boolean upperCaseLevel() {
        return upperCaseLevel;
    }

    /** The top-level names of the standard fields, renamed: a user field must not take one of them. */
    Set<String> reservedNames() {
        return reservedNames;
    }

    /**
     * Every standard field's full name in the line, a nested one as {@code parent.member}
     * ({@code exception.type}): what a user key must neither equal nor be a dotted parent or child of.
     */
    Set<String> standardPaths() {
        Set<String> paths = new HashSet<>();
        for (Entry entry : entries) {
            if (entry.name == null) {
                continue;
            }
            if (entry.members.isEmpty()) {
                paths.add(entry.name);
            }
            for (Entry member : entry.members) {
                paths.add(entry.name + "." + member.name);
            }
        }
        return paths;
    }

    /** No name twice, none empty, none the dotted parent of another. */
    private boolean isConsistent() {
        List<String> names = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.name == null) {
                continue;
            }
            names.add(entry.name);
            for (Entry member : entry.members) {
                names.add(entry.name + "." + member.name);
            }
        }
        Set<String> distinct = new HashSet<>();
        for (String name : names) {
            if (name.isEmpty() || !distinct.add(name)) {
                return false;
            }
        }
        for (String name : names) {
            for (String other : names) {
                if (other.startsWith(name + ".") && !isNestedIn(name, other)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code path} is a member of the object entry named {@code name}. */
    private boolean isNestedIn(String name, String path) {
        for (Entry entry : entries) {
            if (name.equals(entry.name) && !entry.members.isEmpty()) {
                return path.indexOf('.', name.length() + 1) < 0;
            }
        }
        return false;
    }

    /** The name of {@code field} at the top level, or null where the layout has it nowhere or unnamed. */
    String nameOf(StandardField field) {
        for (Entry entry : entries) {
            if (entry.field == field) {
                return entry.name;
            }
        }
        return null;
    }

    private static Entry top(StandardField field, String name, Map<String, String> renames) {
        return new Entry(field, renames.getOrDefault(name, name), List.of(), null);
    }

    private static Entry constant(StandardField field, String name, String value, Map<String, String> renames) {
        return new Entry(field, renames.getOrDefault(name, name), List.of(), value);
    }

    private static Entry at(StandardField field) {
        return new Entry(field, null, List.of(), null);
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        entries.forEach(entry -> names.add(entry.field + (entry.name == null ? "" : "=" + entry.name)));
        return "FieldTable" + names;
    }
}
