package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

/**
 * structlog's JSONRenderer: one event as one JSON object on one line, in the field order and under the names of a
 * {@link LogSettings.Schema}.
 *
 * <p>Field order, {@code default} schema: {@code timestamp, level, logger, event}, the user's fields (context,
 * bound, call), {@code trace_id, span_id, service}, static fields, {@code exception}. A user field named like a
 * standard field is written as {@code fields.<name>}, so that no key appears twice.
 */
final class JsonRenderer implements Renderer {

    static final String COLLIDING_PREFIX = "fields.";
    static final String ECS_VERSION = "1.2.0";
    private static final int MAX_DEPTH = 8;
    private static final int MAX_ELEMENTS = 1024;

    private final LogFormat format;
    private final LogSettings.Schema schema;
    private final Redaction redaction;
    private final int maxValue;
    private final Set<String> reserved = new HashSet<>();

    private final byte[] timestamp;
    private final byte[] level;
    private final byte[] logger;
    private final byte[] event;
    private final byte[] thread;
    private final byte[] traceId;
    private final byte[] spanId;
    private final byte[] service;
    private final byte[] version;
    private final byte[] levelValue;
    private final byte[] errorType;
    private final byte[] errorMessage;
    private final byte[] errorStack;
    private final byte[] exception;
    private final byte[][] staticFields;
    private final byte[] serviceValue;

    JsonRenderer(LogFormat format) {
        this.format = format;
        this.schema = format.schema;
        this.redaction = format.redaction;
        this.maxValue = format.maxValueLength;
        boolean ecs = schema == LogSettings.Schema.ECS;
        boolean logstash = schema == LogSettings.Schema.LOGSTASH;
        timestamp = name(ecs || logstash ? "@timestamp" : "timestamp", true);
        level = name(ecs ? "log.level" : "level", false);
        logger = name(ecs ? "log.logger" : logstash ? "logger_name" : "logger", false);
        event = name(ecs || logstash ? "message" : "event", false);
        thread = name(ecs ? "process.thread.name" : "thread_name", false);
        traceId = name(ecs ? "trace.id" : "trace_id", false);
        spanId = name(ecs ? "span.id" : "span_id", false);
        service = name(ecs ? "service.name" : "service", false);
        version = name(ecs ? "ecs.version" : "@version", false);
        levelValue = name("level_value", false);
        // Inside the default schema's "exception" object the first member has no comma before it.
        errorType = ecs ? name("error.type", false) : memberName("type", true);
        errorMessage = ecs ? name("error.message", false) : memberName("message", false);
        errorStack = name(ecs ? "error.stack_trace" : "stack_trace", false);
        exception = name("exception", false);
        staticFields = new byte[format.staticFields.size() * 2][];
        int i = 0;
        for (Map.Entry<String, String> field : format.staticFields.entrySet()) {
            staticFields[i++] = name(field.getKey(), false);
            staticFields[i++] = quoted(field.getValue());
            reserved.add(field.getKey());
        }
        serviceValue = format.service == null ? null : quoted(format.service);
        for (String standard : topLevelNames(schema)) {
            reserved.add(format.renames.getOrDefault(standard, standard));
        }
    }

    /** The standard top-level names of a schema, before renames: user fields must not repeat them. */
    static java.util.List<String> topLevelNames(LogSettings.Schema schema) {
        return switch (schema) {
            case ECS -> java.util.List.of("@timestamp", "log.level", "message", "ecs.version", "service.name",
                    "log.logger", "process.thread.name", "trace.id", "span.id", "error.type", "error.message",
                    "error.stack_trace");
            case LOGSTASH -> java.util.List.of("@timestamp", "@version", "message", "logger_name", "thread_name",
                    "level", "level_value", "trace_id", "span_id", "service", "stack_trace");
            default -> java.util.List.of("timestamp", "level", "logger", "event", "trace_id", "span_id", "service",
                    "exception");
        };
    }

    @Override
    public void render(LogEvent e, JsonBuffer out, StringBuilder scratch) {
        out.raw(timestamp);
        out.raw('"');
        Timestamps.writeIso(out, e.epochSecond, e.nanos);
        out.raw('"');
        switch (schema) {
            case ECS -> {
                out.raw(level);
                out.string(upperLevel(e.level), Integer.MAX_VALUE);
                out.raw(event);
                out.string(e.event, maxValue);
                out.raw(version);
                out.string(ECS_VERSION, Integer.MAX_VALUE);
                writeService(out);
                out.raw(logger);
                out.string(e.logger, maxValue);
                out.raw(thread);
                out.string(e.threadName, maxValue);
                writeTrace(e, out);
                writeStatic(out);
                writeUserFields(e, out);
                writeErrorFields(e, out, scratch);
            }
            case LOGSTASH -> {
                out.raw(version);
                out.string("1", Integer.MAX_VALUE);
                out.raw(event);
                out.string(e.event, maxValue);
                out.raw(logger);
                out.string(e.logger, maxValue);
                out.raw(thread);
                out.string(e.threadName, maxValue);
                out.raw(level);
                out.string(upperLevel(e.level), Integer.MAX_VALUE);
                out.raw(levelValue);
                out.number(logbackLevelValue(e.level));
                writeUserFields(e, out);
                writeTrace(e, out);
                writeService(out);
                writeStatic(out);
                if (e.thrown != null) {
                    out.raw(errorStack);
                    writeStackTrace(e.thrown, out, scratch);
                }
            }
            default -> {
                out.raw(level);
                out.string(e.levelName, Integer.MAX_VALUE);
                out.raw(logger);
                out.string(e.logger, maxValue);
                out.raw(event);
                out.string(e.event, maxValue);
                writeUserFields(e, out);
                writeTrace(e, out);
                writeService(out);
                writeStatic(out);
                if (e.thrown != null) {
                    out.raw(exception);
                    out.raw('{');
                    writeErrorFields(e, out, scratch);
                    out.raw('}');
                }
            }
        }
        out.raw('}');
        out.raw('\n');
    }

    private void writeTrace(LogEvent e, JsonBuffer out) {
        if (e.traceId != null) {
            out.raw(traceId);
            out.string(e.traceId, Integer.MAX_VALUE);
            out.raw(spanId);
            out.string(e.spanId, Integer.MAX_VALUE);
        }
    }

    private void writeService(JsonBuffer out) {
        if (serviceValue != null) {
            out.raw(service);
            out.raw(serviceValue);
        }
    }

    private void writeStatic(JsonBuffer out) {
        for (int i = 0; i < staticFields.length; i += 2) {
            out.raw(staticFields[i]);
            out.raw(staticFields[i + 1]);
        }
    }

    /** type, message, stack_trace: as members of {@code exception} (default) or as {@code error.*} (ECS). */
    private void writeErrorFields(LogEvent e, JsonBuffer out, StringBuilder scratch) {
        if (e.thrown == null) {
            return;
        }
        out.raw(errorType);
        out.string(e.thrown.getClass().getName(), Integer.MAX_VALUE);
        String message = StackTraces.message(e.thrown);
        if (message != null) {
            out.raw(errorMessage);
            out.string(message, maxValue);
        }
        out.raw(errorStack);
        writeStackTrace(e.thrown, out, scratch);
    }

    private void writeStackTrace(Throwable thrown, JsonBuffer out, StringBuilder scratch) {
        out.raw('"');
        StackTraces.renderJson(thrown, out, format.maxStackTraceLength);
        out.raw('"');
    }

    private void writeUserFields(LogEvent e, JsonBuffer out) {
        for (int i = 0; i < e.fieldCount(); i++) {
            String key = e.key(i);
            out.raw(',');
            out.string(reserved.contains(key) ? COLLIDING_PREFIX + key : key, maxValue);
            out.raw(':');
            if (redaction.matches(key)) {
                out.string(Redaction.REPLACEMENT, Integer.MAX_VALUE);
            } else {
                writeValueSafely(e.value(i), out);
            }
        }
    }

    /** A value whose rendering throws (a failing toString(), a map changing under us) becomes a placeholder. */
    private void writeValueSafely(Object value, JsonBuffer out) {
        int mark = out.size();
        try {
            writeValue(value, out, 0);
        } catch (RuntimeException | LinkageError | StackOverflowError failure) {
            out.truncate(mark);
            out.string(SafeText.placeholder(value, failure), Integer.MAX_VALUE);
        }
    }

    void writeValue(Object value, JsonBuffer out, int depth) {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String text) {
            out.string(text, maxValue);
        } else if (value instanceof Boolean bool) {
            out.bool(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof AtomicInteger || value instanceof AtomicLong) {
            out.number(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.number(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            String text = value.toString();
            if (text.length() <= maxValue) {
                out.ascii(text);
            } else {
                out.string(text, maxValue);
            }
        } else if (value instanceof Enum<?> constant) {
            out.string(constant.name(), maxValue);
        } else if (value instanceof CharSequence || value instanceof Character) {
            out.string(value.toString(), maxValue);
        } else if (depth >= MAX_DEPTH) {
            out.string("[nested deeper than " + MAX_DEPTH + "]", Integer.MAX_VALUE);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, out, depth);
        } else if (value instanceof Collection<?> collection) {
            writeElements(collection.iterator(), collection.size(), out, depth);
        } else if (value instanceof Object[] array) {
            writeElements(java.util.Arrays.asList(array).iterator(), array.length, out, depth);
        } else if (value instanceof Optional<?> optional) {
            writeValue(optional.orElse(null), out, depth + 1);
        } else if (value.getClass().isArray()) {
            writePrimitiveArray(value, out);
        } else if (value instanceof TemporalAccessor || value instanceof java.util.UUID) {
            out.string(value.toString(), maxValue);
        } else if (value instanceof Throwable thrown) {
            String message = StackTraces.message(thrown);
            out.string(message == null ? thrown.getClass().getName() : thrown.getClass().getName() + ": " + message,
                    maxValue);
        } else {
            out.string(SafeText.of(value), maxValue);
        }
    }

    private void writeMap(Map<?, ?> map, JsonBuffer out, int depth) {
        out.raw('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.raw(',');
            }
            first = false;
            String key = entry.getKey() instanceof String name ? name : SafeText.of(entry.getKey());
            out.string(key, maxValue);
            out.raw(':');
            if (redaction.matches(key)) {
                out.string(Redaction.REPLACEMENT, Integer.MAX_VALUE);
            } else {
                writeValue(entry.getValue(), out, depth + 1);
            }
        }
        out.raw('}');
    }

    private void writeElements(Iterator<?> elements, int size, JsonBuffer out, int depth) {
        out.raw('[');
        int written = 0;
        while (elements.hasNext() && written < MAX_ELEMENTS) {
            if (written++ > 0) {
                out.raw(',');
            }
            writeValue(elements.next(), out, depth + 1);
        }
        if (size > written) {
            if (written > 0) {
                out.raw(',');
            }
            out.string("...[" + (size - written) + " more]", Integer.MAX_VALUE);
        }
        out.raw(']');
    }

    private void writePrimitiveArray(Object array, JsonBuffer out) {
        int length = java.lang.reflect.Array.getLength(array);
        out.raw('[');
        int shown = Math.min(length, MAX_ELEMENTS);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                out.raw(',');
            }
            Object element = java.lang.reflect.Array.get(array, i);
            if (element instanceof Character c) {
                out.string(String.valueOf(c), Integer.MAX_VALUE);
            } else if (element instanceof Boolean b) {
                out.bool(b);
            } else if (element instanceof Double || element instanceof Float) {
                out.number(((Number) element).doubleValue());
            } else {
                out.number(((Number) element).longValue());
            }
        }
        if (length > shown) {
            out.raw(',');
            out.string("...[" + (length - shown) + " more]", Integer.MAX_VALUE);
        }
        out.raw(']');
    }

    /** {@code ,"name":} pre-encoded (the first field has no comma but an opening brace). */
    private byte[] name(String name, boolean first) {
        String actual = format.renames.getOrDefault(name, name);
        JsonBuffer buffer = new JsonBuffer(actual.length() + 8);
        buffer.raw(first ? '{' : ',');
        buffer.string(actual, Integer.MAX_VALUE);
        buffer.raw(':');
        return java.util.Arrays.copyOf(buffer.array(), buffer.size());
    }

    /** A member of the default schema's exception object: not renamable, no comma for the first. */
    private static byte[] memberName(String name, boolean first) {
        JsonBuffer buffer = new JsonBuffer(name.length() + 8);
        if (!first) {
            buffer.raw(',');
        }
        buffer.string(name, Integer.MAX_VALUE);
        buffer.raw(':');
        return java.util.Arrays.copyOf(buffer.array(), buffer.size());
    }

    private static byte[] quoted(String value) {
        JsonBuffer buffer = new JsonBuffer(value.length() + 8);
        buffer.string(value, Integer.MAX_VALUE);
        return java.util.Arrays.copyOf(buffer.array(), buffer.size());
    }

    /** Upper-case level names as Logback and ecs-logging write them: ERROR, WARN, INFO, DEBUG, TRACE. */
    static String upperLevel(Level level) {
        return switch (LogLevels.name(level)) {
            case LogLevels.ERROR -> "ERROR";
            case LogLevels.WARNING -> "WARN";
            case LogLevels.INFO -> "INFO";
            case LogLevels.DEBUG -> "DEBUG";
            default -> "TRACE";
        };
    }

    /** Logback's level values, which logstash-logback-encoder writes as {@code level_value}. */
    static int logbackLevelValue(Level level) {
        return switch (LogLevels.name(level)) {
            case LogLevels.ERROR -> 40_000;
            case LogLevels.WARNING -> 30_000;
            case LogLevels.INFO -> 20_000;
            case LogLevels.DEBUG -> 10_000;
            default -> 5_000;
        };
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
