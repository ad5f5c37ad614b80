package dev.observe.ee.logging;

/**
 * Renders a throwable the way {@link Throwable#printStackTrace()} does (causes, suppressed exceptions, frames in
 * common with the enclosing trace folded into {@code ... n more}) into a reused builder, bounded in length and
 * safe against cause cycles and exceptions whose {@code getMessage()} or {@code toString()} throws.
 */
final class StackTraces {

    private static final int MAX_NESTING = 16;
    private static final String TRUNCATED = "\n\t... [stack trace truncated]";

    private StackTraces() {
    }

    /** Appends the trace to {@code out}, stopping once it passes {@code maxChars} characters. */
    static void render(Throwable thrown, StringBuilder out, int maxChars) {
        render(thrown, out, maxChars, false);
    }

    /**
     * As {@link #render(Throwable, StringBuilder, int)}; with {@code escapeText} the exceptions' class names and
     * messages have their control characters escaped, so that the only line breaks are the trace's own (for a
     * terminal; in JSON the whole trace is one escaped string anyway).
     */
    static void render(Throwable thrown, StringBuilder out, int maxChars, boolean escapeText) {
        int limit = out.length() + Math.max(0, maxChars);
        Throwable[] seen = new Throwable[MAX_NESTING];
        if (!append(thrown, null, "", "", out, limit, seen, 0, escapeText)) {
            out.append(TRUNCATED);
        }
    }

    /** The exception's message, or null, even when its {@code getMessage()} throws. */
    static String message(Throwable thrown) {
        try {
            return thrown.getMessage();
        } catch (RuntimeException | LinkageError e) {
            return SafeText.placeholder(thrown, e);
        }
    }

    /** Returns false when the limit cut the rendering short. */
    private static boolean append(Throwable thrown, StackTraceElement[] enclosing, String caption, String prefix,
            StringBuilder out, int limit, Throwable[] seen, int depth, boolean escapeText) {
        if (depth >= MAX_NESTING || contains(seen, depth, thrown)) {
            out.append(prefix).append(caption).append("[circular reference: ").append(thrown.getClass().getName())
                    .append(']');
            return true;
        }
        seen[depth] = thrown;
        out.append(prefix).append(caption);
        text(thrown.getClass().getName(), out, escapeText);
        String message = message(thrown);
        if (message != null) {
            out.append(": ");
            text(message, out, escapeText);
        }
        StackTraceElement[] frames = thrown.getStackTrace();
        int own = frames.length;
        if (enclosing != null) {
            int m = own - 1;
            for (int n = enclosing.length - 1; m >= 0 && n >= 0 && frames[m].equals(enclosing[n]); m--, n--) {
                own--;
            }
            own = m + 1;
        }
        for (int i = 0; i < own; i++) {
            if (out.length() > limit) {
                return false;
            }
            StackTraceElement frame = frames[i];
            out.append('\n').append(prefix).append("\tat ").append(frame.getClassName()).append('.')
                    .append(frame.getMethodName()).append('(');
            if (frame.isNativeMethod()) {
                out.append("Native Method");
            } else if (frame.getFileName() == null) {
                out.append("Unknown Source");
            } else {
                out.append(frame.getFileName());
                if (frame.getLineNumber() >= 0) {
                    out.append(':').append(frame.getLineNumber());
                }
            }
            out.append(')');
        }
        if (own < frames.length) {
            out.append('\n').append(prefix).append("\t... ").append(frames.length - own).append(" more");
        }
        for (Throwable suppressed : thrown.getSuppressed()) {
            out.append('\n');
            if (!append(suppressed, frames, "Suppressed: ", prefix + "\t", out, limit, seen, depth + 1, escapeText)) {
                return false;
            }
        }
        Throwable cause = thrown.getCause();
        if (cause != null) {
            out.append('\n');
            return append(cause, frames, "Caused by: ", prefix, out, limit, seen, depth + 1, escapeText);
        }
        return out.length() <= limit;
    }

    private static void text(String text, StringBuilder out, boolean escape) {
        if (escape) {
            ConsoleText.escape(text, out, Integer.MAX_VALUE);
        } else {
            out.append(text);
        }
    }

    private static boolean contains(Throwable[] seen, int count, Throwable thrown) {
        for (int i = 0; i < count; i++) {
            if (seen[i] == thrown) {
                return true;
            }
        }
        return false;
    }
}
