package dev.observe.ee.internal.logging;

import java.util.Arrays;

/**
 * One log record as every sink sees it: structlog's event dict, with typed slots for the standard fields and an
 * ordered list of the user's fields (context, bound, call), each key once. The {@link LogProcessor}s fill it from
 * the record; the {@link Sanitizer} then makes it safe to print (redacted, bounded, no key colliding with a
 * standard field) and adds the configured fields; renderers and the OpenTelemetry sink only read it.
 *
 * <p>Mutable and reused: an encoder clears and refills its event for every record. Not thread-safe.
 */
final class LogEvent {

    long epochSecond;
    int nanos;
    LogLevel level;
    String logger;
    String event;
    String threadName;
    String traceId;
    String spanId;
    Throwable thrown;
    /**
     * Set by the sanitize stage when {@link #thrown} is set: its message as read once (null where it has none), for
     * the stack trace; the class name and the message, bounded, for the error fields.
     */
    String thrownMessage;
    String errorType;
    String errorMessage;
    /** Set by the sanitize stage: the {@code service} value or null, and the static fields as name/value pairs. */
    String service;
    String[] staticFields = NO_STATIC_FIELDS;

    private static final String[] NO_STATIC_FIELDS = new String[0];

    private String[] keys = new String[16];
    private Object[] values = new Object[16];
    private int fieldCount;

    void clear() {
        level = null;
        logger = null;
        event = null;
        threadName = null;
        traceId = null;
        spanId = null;
        thrown = null;
        thrownMessage = null;
        errorType = null;
        errorMessage = null;
        service = null;
        staticFields = NO_STATIC_FIELDS;
        Arrays.fill(values, 0, fieldCount, null);
        fieldCount = 0;
    }

    /**
     * Adds the pairs of well-formed {@code keyValues}. A key already present keeps its place and takes the new
     * value, as a Python dict update does: context, then bound fields, then the call's own, later ones winning.
     */
    void addFields(Object[] keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            putField((String) keyValues[i], keyValues[i + 1]);
        }
    }

    void putField(String key, Object value) {
        for (int i = 0; i < fieldCount; i++) {
            String existing = keys[i];
            if (existing == key || existing.equals(key)) {
                values[i] = value;
                return;
            }
        }
        if (fieldCount == keys.length) {
            keys = Arrays.copyOf(keys, fieldCount * 2);
            values = Arrays.copyOf(values, fieldCount * 2);
        }
        keys[fieldCount] = key;
        values[fieldCount++] = value;
    }

    /** Replaces the key and value at {@code index} in place: the sanitize stage's rename and redaction. */
    void replaceField(int index, String key, Object value) {
        keys[index] = key;
        values[index] = value;
    }

    int fieldCount() {
        return fieldCount;
    }

    String key(int index) {
        return keys[index];
    }

    Object value(int index) {
        return values[index];
    }

    /** The value of a user field, or null: for tests and for processors that look at one field. */
    Object field(String key) {
        for (int i = 0; i < fieldCount; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }
}
