package dev.observe.ee.internal.logging;

import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * A record made by {@link dev.observe.ee.logging.Log}: the event name as the message, plus the logger's bound fields, the call's
 * key-values and the thread's context as they were when the call was made. To any other JUL handler it is an
 * ordinary record whose message is the event name.
 */
public final class StructuredRecord extends LogRecord {

    private static final long serialVersionUID = 1L;

    private final transient Object[] context;
    private final transient Object[] bound;
    private final transient Object[] keyValues;

    public StructuredRecord(Level level, String loggerName, String event, Object[] context, Object[] bound,
            Object[] keyValues, Throwable thrown) {
        super(level, event);
        setLoggerName(loggerName);
        setThrown(thrown);
        // Setting the source explicitly spares JUL its stack walk should another handler ask for it.
        setSourceClassName(null);
        setSourceMethodName(null);
        this.context = context;
        this.bound = bound;
        this.keyValues = keyValues;
    }

    Object[] context() {
        return context;
    }

    Object[] bound() {
        return bound;
    }

    Object[] keyValues() {
        return keyValues;
    }
}
