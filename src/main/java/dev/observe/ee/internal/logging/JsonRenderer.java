package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * structlog's JSONRenderer: one event as one JSON object on one line, in the order and under the names of a
 * {@link FieldTable} (one of the schemas of {@link LogSettings.Schema}, renames applied). It walks the table in a
 * straight line, writing each field's name as bytes encoded once when the format was built.
 */
final class JsonRenderer implements LineRenderer {

    /** A table entry with its name pre-encoded as {@code ,"name":} ({@code {"name":} first, no comma first in an object). */
    private record EncodedField(StandardField field, byte[] name, EncodedField[] members, byte[] constant) {
    }

    private final EncodedField[] fields;
    private final boolean upperCaseLevel;
    private final int maxStackTraceLength;

    JsonRenderer(LogFormat format, FieldTable table) {
        this.fields = encode(table.entries(), true);
        this.upperCaseLevel = table.upperCaseLevel();
        this.maxStackTraceLength = format.maxStackTraceLength;
    }

    @Override
    public void render(LogEvent e, JsonBuffer out, StringBuilder scratch) {
        write(fields, e, out);
        out.raw('}');
        out.raw('\n');
    }

    private void write(EncodedField[] fields, LogEvent e, JsonBuffer out) {
        for (EncodedField field : fields) {
            switch (field.field) {
                case TIMESTAMP -> {
                    out.raw(field.name);
                    out.raw('"');
                    Timestamps.writeIso(out, e.epochSecond, e.nanos);
                    out.raw('"');
                }
                case LEVEL -> named(field, upperCaseLevel ? e.level.upperName : e.level.lowerName, out);
                case LEVEL_VALUE -> {
                    out.raw(field.name);
                    out.number(e.level.logbackValue);
                }
                case LOGGER -> named(field, e.logger, out);
                case EVENT -> named(field, e.event, out);
                case THREAD -> named(field, e.threadName, out);
                case TRACE_ID -> named(field, e.traceId, out);
                case SPAN_ID -> named(field, e.spanId, out);
                case SERVICE -> named(field, e.service, out);
                case VERSION -> {
                    out.raw(field.name);
                    out.raw(field.constant);
                }
                case USER_FIELDS -> {
                    for (int i = 0; i < e.fieldCount(); i++) {
                        out.raw(',');
                        out.string(e.key(i));
                        out.raw(':');
                        writeValue(e.value(i), out);
                    }
                }
                case STATIC_FIELDS -> {
                    String[] pairs = e.staticFields;
                    for (int i = 0; i < pairs.length; i += 2) {
                        out.raw(',');
                        out.string(pairs[i]);
                        out.raw(':');
                        out.string(pairs[i + 1]);
                    }
                }
                case EXCEPTION -> {
                    if (e.thrown != null) {
                        out.raw(field.name);
                        out.raw('{');
                        write(field.members, e, out);
                        out.raw('}');
                    }
                }
                case ERROR_TYPE -> named(field, e.errorType, out);
                case ERROR_MESSAGE -> named(field, e.errorMessage, out);
                case ERROR_STACK -> {
                    if (e.thrown != null) {
                        out.raw(field.name);
                        out.raw('"');
                        StackTraces.renderJson(e.thrown, e.thrownMessage, out, maxStackTraceLength);
                        out.raw('"');
                    }
                }
            }
        }
    }

    /** A string field, left out where the event has no value for it. */
    private static void named(EncodedField field, String value, JsonBuffer out) {
        if (value != null) {
            out.raw(field.name);
            out.string(value);
        }
    }

    /** A sanitized value (see {@link Sanitizer}) as JSON. */
    static void writeValue(Object value, JsonBuffer out) {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String text) {
            out.string(text);
        } else if (value instanceof Boolean bool) {
            out.bool(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.number(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.number(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            out.ascii(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.raw('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.raw(',');
                }
                first = false;
                out.string((String) entry.getKey());
                out.raw(':');
                writeValue(entry.getValue(), out);
            }
            out.raw('}');
        } else if (value instanceof List<?> list) {
            out.raw('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.raw(',');
                }
                writeValue(list.get(i), out);
            }
            out.raw(']');
        } else {
            // Not produced by the sanitize stage; written as text rather than lost.
            out.string(SafeText.of(value));
        }
    }

    /** A sanitized value as JSON text, for sinks that carry text (the console, OpenTelemetry attributes). */
    static String valueText(Object value) {
        JsonBuffer json = new JsonBuffer(64);
        writeValue(value, json);
        return json.toString();
    }

    private static EncodedField[] encode(List<FieldTable.Entry> entries, boolean opensLine) {
        EncodedField[] encoded = new EncodedField[entries.size()];
        for (int i = 0; i < encoded.length; i++) {
            FieldTable.Entry entry = entries.get(i);
            byte[] name = null;
            if (entry.name() != null) {
                JsonBuffer buffer = new JsonBuffer(entry.name().length() + 8);
                if (i == 0 && opensLine) {
                    buffer.raw('{');
                } else if (i > 0 || opensLine) {
                    buffer.raw(',');
                }
                buffer.string(entry.name());
                buffer.raw(':');
                name = Arrays.copyOf(buffer.array(), buffer.size());
            }
            byte[] constant = null;
            if (entry.constant() != null) {
                JsonBuffer buffer = new JsonBuffer(entry.constant().length() + 8);
                buffer.string(entry.constant());
                constant = Arrays.copyOf(buffer.array(), buffer.size());
            }
            encoded[i] = new EncodedField(entry.field(), name, encode(entry.members(), false), constant);
        }
        return encoded;
    }
}
