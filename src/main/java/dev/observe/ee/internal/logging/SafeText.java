package dev.observe.ee.internal.logging;

/** {@code toString()} of application objects, which may throw or return null: logging must survive both. */
final class SafeText {

    private SafeText() {
    }

    static String of(Object value) {
        try {
            String text = String.valueOf(value);
            return text != null ? text : "null";
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return placeholder(value, e);
        }
    }

    static String placeholder(Object value, Throwable failure) {
        return "[" + value.getClass().getName() + ".toString() failed: " + failure.getClass().getName() + "]";
    }
}
