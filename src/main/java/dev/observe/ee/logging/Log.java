package dev.observe.ee.logging;

import dev.observe.ee.internal.logging.ContextFields;
import dev.observe.ee.internal.logging.KeyValues;
import dev.observe.ee.internal.logging.LogCallGuard;
import dev.observe.ee.internal.logging.StructuredRecord;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A key-value logger in the shape of structlog's: an event name plus fields, rendered as one JSON object per line
 * (or a readable line on a developer's console) with the thread's {@link LogContext}, the current trace and span
 * ids and the service name.
 *
 * <pre>{@code
 * private static final Log log = Log.get(OrderService.class);
 *
 * Log l = log.bind("user_id", user.id(), "item_count", items.size());   // a new logger; log is unchanged
 * l.info("placing_order");
 * l.info("order_placed", "order_id", order.id(), "total", order.total());
 * l.exception("order_placement_failed", e);                             // level error, with the exception
 * }</pre>
 *
 * <p>Fields are given as alternating keys and values. Values keep their JSON types: numbers, booleans, strings,
 * null, maps (objects) and collections or arrays (lists); {@code Instant}, {@code OffsetDateTime} and the other
 * {@code java.time} types as ISO-8601 text; enums by name; anything else by its {@code toString()}. A trailing
 * value without a key is shown under {@code _unpaired}, a null key as {@code _null_key}.
 *
 * <p>Levels map to {@code java.util.logging}: debug = FINE, info = INFO, warning = WARNING, error and exception =
 * SEVERE; the JUL logger of the same name decides what is enabled. A disabled call returns at once: no record, no
 * formatting. {@code Log} is immutable and thread-safe, and no method ever throws into the caller: a value, key or
 * exception whose {@code toString()}, {@code getMessage()}, {@code getStackTrace()} or {@code getCause()} throws
 * any {@link Throwable} or overflows the stack is shown as a placeholder naming the class, the method and the
 * failure, and the line is written; a handler that fails is reported on standard error, never thrown. A record made
 * through this class is the application's line on whatever thread it is logged (a common-pool thread included).
 */
public final class Log {

    private final Logger logger;
    private final String name;
    private final Object[] bound;

    private Log(Logger logger, Object[] bound) {
        this.logger = logger;
        this.name = logger.getName();
        this.bound = bound;
    }

    /**
     * The logger named after a class.
     *
     * @param type the class whose fully qualified name is the JUL category
     * @return the logger, with no bound fields; never null
     */
    public static Log get(Class<?> type) {
        return get(type.getName());
    }

    /**
     * The logger with the given name.
     *
     * @param name the JUL category; null means the root category
     * @return the logger, with no bound fields; never null
     */
    public static Log get(String name) {
        return new Log(Logger.getLogger(name == null ? "" : name), KeyValues.EMPTY);
    }

    /**
     * A new logger that adds the given pairs to every line it writes, like structlog's {@code bind}; this one is
     * unchanged. Later pairs win over earlier ones of the same key.
     *
     * @param keyValues alternating {@code String} keys and values
     * @return the new logger (this one when nothing was given); never null
     */
    public Log bind(Object... keyValues) {
        Object[] additions = KeyValues.copyOf(keyValues);
        if (additions.length == 0) {
            return this;
        }
        Object[] merged = java.util.Arrays.copyOf(bound, bound.length + additions.length);
        System.arraycopy(additions, 0, merged, bound.length, additions.length);
        return new Log(logger, merged);
    }

    /**
     * The JUL category this logger writes to.
     *
     * @return the category's name
     */
    public String name() {
        return name;
    }

    /**
     * Whether {@link #debug} writes anything, for a caller that wants to skip computing a field's value.
     *
     * @return whether JUL level {@code FINE} is enabled for this logger's category
     */
    public boolean isDebugEnabled() {
        return logger.isLoggable(Level.FINE);
    }

    /**
     * Writes an event at debug level (JUL {@code FINE}). Never throws.
     *
     * @param event the event name, such as {@code order_placed}
     * @param keyValues alternating {@code String} keys and values
     */
    public void debug(String event, Object... keyValues) {
        if (logger.isLoggable(Level.FINE)) {
            log(Level.FINE, event, null, keyValues);
        }
    }

    /**
     * Writes an event at info level (JUL {@code INFO}). Never throws.
     *
     * @param event the event name, such as {@code order_placed}
     * @param keyValues alternating {@code String} keys and values
     */
    public void info(String event, Object... keyValues) {
        if (logger.isLoggable(Level.INFO)) {
            log(Level.INFO, event, null, keyValues);
        }
    }

    /**
     * Writes an event at warning level (JUL {@code WARNING}). Never throws.
     *
     * @param event the event name
     * @param keyValues alternating {@code String} keys and values
     */
    public void warning(String event, Object... keyValues) {
        if (logger.isLoggable(Level.WARNING)) {
            log(Level.WARNING, event, null, keyValues);
        }
    }

    /**
     * Writes an event at error level (JUL {@code SEVERE}). Never throws.
     *
     * @param event the event name
     * @param keyValues alternating {@code String} keys and values
     */
    public void error(String event, Object... keyValues) {
        if (logger.isLoggable(Level.SEVERE)) {
            log(Level.SEVERE, event, null, keyValues);
        }
    }

    /**
     * Writes an event at error level (JUL {@code SEVERE}) with an exception: its type, message and stack trace,
     * causes and suppressed exceptions included, bounded in length. Never throws.
     *
     * @param event the event name, such as {@code order_placement_failed}
     * @param error the exception; may be null
     * @param keyValues alternating {@code String} keys and values
     */
    public void exception(String event, Throwable error, Object... keyValues) {
        if (logger.isLoggable(Level.SEVERE)) {
            log(Level.SEVERE, event, error, keyValues);
        }
    }

    private void log(Level level, String event, Throwable error, Object[] keyValues) {
        // A handler of somebody else's may throw; the application must not notice. Reported once per JVM run.
        LogCallGuard.DEFAULT.log(logger, new StructuredRecord(level, name, event, ContextFields.get(), bound,
                KeyValues.normalize(keyValues), error));
    }
}
