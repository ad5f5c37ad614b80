package dev.observe.ee.logging;

import dev.observe.ee.internal.logging.ContextFields;
import dev.observe.ee.internal.logging.KeyValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key-value fields bound to the current thread, like structlog's contextvars: every line logged on the thread
 * while they are bound carries them, whether it comes from {@link Log}, from a plain {@code java.util.logging}
 * logger or from a library that logs through it.
 *
 * <pre>{@code
 * LogContext.bind("tenant", tenant.id());
 * try (LogContext.Scope scope = LogContext.scope("order_id", order.id())) {
 *     log.info("charging");          // carries tenant and order_id
 * }                                  // order_id unbound again, tenant still bound
 * LogContext.clear();
 * }</pre>
 *
 * <p>Within a request, observe-ee binds {@code request_id}, {@code method}, {@code path} and, once the caller is
 * authenticated, {@code user_id}, and clears the context when the request ends. Code that binds fields on threads
 * it does not own outside a request should clear them (or use {@link #scope}) so that a pooled thread does not carry
 * them into unrelated work.
 *
 * <p>All methods are thread-safe, never throw, and affect only the calling thread. Keys are strings; see
 * {@link Log} for how odd argument counts and null keys are shown.
 */
public final class LogContext {

    private LogContext() {
    }

    /**
     * Binds the given pairs on this thread; a key already bound keeps its place and takes the new value.
     *
     * @param keyValues alternating {@code String} keys and values
     */
    public static void bind(Object... keyValues) {
        Object[] additions = KeyValues.normalize(keyValues);
        if (additions.length > 0) {
            set(merge(fields(), additions));
        }
    }

    /**
     * Removes the given keys from this thread's context; keys not bound are ignored.
     *
     * @param keys the keys to remove; null removes nothing
     */
    public static void unbind(String... keys) {
        Object[] current = fields();
        if (current.length == 0 || keys == null) {
            return;
        }
        Object[] kept = new Object[current.length];
        int size = 0;
        for (int i = 0; i < current.length; i += 2) {
            if (!contains(keys, current[i])) {
                kept[size++] = current[i];
                kept[size++] = current[i + 1];
            }
        }
        set(size == current.length ? current : java.util.Arrays.copyOf(kept, size));
    }

    /** Removes every field from this thread's context. */
    public static void clear() {
        ContextFields.set(KeyValues.EMPTY);
    }

    /**
     * Binds the given pairs until the returned scope is closed, then restores the context exactly as it was
     * (keys it replaced get their old values back, keys it added are removed).
     *
     * @param keyValues alternating {@code String} keys and values
     * @return the scope to close, in a try-with-resources block on the same thread; never null
     */
    public static Scope scope(Object... keyValues) {
        Object[] previous = fields();
        bind(keyValues);
        return () -> set(previous);
    }

    /**
     * A copy of this thread's context.
     *
     * @return an unmodifiable map in binding order; empty when nothing is bound
     */
    public static Map<String, Object> current() {
        Object[] current = fields();
        if (current.length == 0) {
            return Collections.emptyMap();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (int i = 0; i < current.length; i += 2) {
            copy.put((String) current[i], current[i + 1]);
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The value bound to a key on this thread.
     *
     * @param key the key
     * @return the value, or null when the key is not bound (or is bound to null)
     */
    public static Object get(String key) {
        Object[] current = fields();
        int index = key == null ? -1 : KeyValues.indexOf(current, current.length, key);
        return index < 0 ? null : current[index + 1];
    }

    /**
     * This thread's context, to carry to another thread with {@link #restore}.
     *
     * @return an immutable snapshot; never null
     */
    public static Snapshot capture() {
        return new Snapshot(fields());
    }

    /**
     * Makes {@code snapshot} this thread's context until the returned scope is closed, then restores what the
     * thread had before.
     *
     * @param snapshot what {@link #capture} returned on another thread; null means an empty context
     * @return the scope to close on this thread; never null
     */
    public static Scope restore(Snapshot snapshot) {
        Object[] previous = fields();
        set(snapshot == null ? KeyValues.EMPTY : snapshot.fields);
        return () -> set(previous);
    }

    /** Ends a {@link #scope} or {@link #restore}; closing never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        /** Restores the context the scope replaced. Never throws. */
        @Override
        void close();
    }

    /** An immutable copy of a thread's context. */
    public static final class Snapshot {
        /** No fields: restoring it clears a thread's context for the scope. */
        public static final Snapshot EMPTY = new Snapshot(KeyValues.EMPTY);

        private final Object[] fields;

        private Snapshot(Object[] fields) {
            this.fields = fields;
        }
    }

    /** The bound pairs, never null; the array is never modified after it is bound. */
    private static Object[] fields() {
        return ContextFields.get();
    }

    private static void set(Object[] fields) {
        ContextFields.set(fields);
    }

    private static Object[] merge(Object[] current, Object[] additions) {
        Object[] merged = java.util.Arrays.copyOf(current, current.length + additions.length);
        int size = current.length;
        for (int i = 0; i < additions.length; i += 2) {
            int existing = KeyValues.indexOf(merged, size, (String) additions[i]);
            if (existing >= 0) {
                merged[existing + 1] = additions[i + 1];
            } else {
                merged[size++] = additions[i];
                merged[size++] = additions[i + 1];
            }
        }
        return size == merged.length ? merged : java.util.Arrays.copyOf(merged, size);
    }

    private static boolean contains(String[] keys, Object key) {
        for (String candidate : keys) {
            if (key.equals(candidate)) {
                return true;
            }
        }
        return false;
    }
}
