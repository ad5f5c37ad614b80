package dev.observe.ee.internal.logging;

/**
 * The thread's log context as the pipeline reads it: well-formed key-value pairs, owned by
 * {@link dev.observe.ee.logging.LogContext}, which is its only writer. Not for use by applications.
 *
 * <p>The thread-local holds only JDK types ({@code Object[]} of {@code String} keys and the application's values),
 * so that a pooled server thread that outlives the application pins none of the library's classes.
 */
public final class ContextFields {

    private static final ThreadLocal<Object[]> FIELDS = new ThreadLocal<>();

    private ContextFields() {
    }

    /** The current pairs, never null; the array is shared and must not be modified. */
    public static Object[] get() {
        Object[] current = FIELDS.get();
        return current != null ? current : KeyValues.EMPTY;
    }

    /** Replaces the current pairs; an empty array removes the thread-local entry. */
    public static void set(Object[] fields) {
        if (fields.length == 0) {
            FIELDS.remove();
        } else {
            FIELDS.set(fields);
        }
    }
}
