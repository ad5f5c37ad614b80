package dev.observe.ee.internal.logging;

import java.util.Arrays;
import java.util.logging.Level;

/**
 * One log record after the processors ran: what the renderers print. The structlog event dict, with typed slots
 * for the standard fields and an ordered list of the user's fields (context, bound, call), each key once.
 *
 * <p>Mutable and reused: an encoder clears and refills its event for every record.
 */
final class LogEvent {

    long epochSecond;
    int nanos;
    Level level;
    String levelName;
    String logger;
    String event;
    String threadName;
    String traceId;
    String spanId;
    Throwable thrown;

    private String[] keys = new String[16];
    private Object[] values = new Object[16];
    private int fieldCount;

    void clear() {
        level = null;
        levelName = null;
        logger = null;
        event = null;
        threadName = null;
        traceId = null;
        spanId = null;
        thrown = null;
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
