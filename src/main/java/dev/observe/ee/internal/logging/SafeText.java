package dev.observe.ee.internal.logging;

/**
 * Every call into the application's objects while a line is made: {@code toString()} of a value or parameter, and
 * an exception's {@code getMessage()}, {@code getStackTrace()}, {@code getCause()} and {@code getSuppressed()}.
 * Whatever such a method does — return null, throw any {@link Throwable} (a checked one thrown sneakily included),
 * overflow the stack — the caller gets a value: the result, or a placeholder naming the class, the method and the
 * failure, such as {@code [com.acme.E.getMessage() failed: java.lang.StackOverflowError]}. So the line is written
 * and says what went wrong, each time it happens.
 *
 * <p>What "never ends" means here: a thread cannot be stopped from outside, so a method that loops forever keeps
 * the logging thread, as it would keep the caller's own {@code toString()} call. What the pipeline bounds instead is
 * how much it reads: each of these methods is called at most once per object and line (a message read for
 * {@code error.message} is reused by the stack trace), collections are read up to {@link Sanitizer#MAX_ELEMENTS}
 * elements, nesting up to {@link Sanitizer#MAX_DEPTH} levels, causes up to the stack trace's nesting bound.
 */
final class SafeText {

    private SafeText() {
    }

    /** {@code String.valueOf(value)}, "null" where toString returns null, or the placeholder. */
    static String of(Object value) {
        try {
            String text = String.valueOf(value);
            return text != null ? text : "null";
        } catch (Throwable failure) {
            return placeholder(value, "toString", failure);
        }
    }

    /** The exception's message, or null, or the placeholder. */
    static String message(Throwable thrown) {
        try {
            return thrown.getMessage();
        } catch (Throwable failure) {
            return placeholder(thrown, "getMessage", failure);
        }
    }

    /** {@code [class.method() failed: failure's class]}; keeps a swallowed interrupt visible to the thread. */
    static String placeholder(Object value, String method, Throwable failure) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return "[" + value.getClass().getName() + "." + method + "() failed: " + failure.getClass().getName() + "]";
    }
}
