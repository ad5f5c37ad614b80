package dev.observe.ee.internal.logging;

/**
 * Renders a throwable the way {@link Throwable#printStackTrace()} does (causes, suppressed exceptions, frames in
 * common with the enclosing trace folded into {@code ... n more}), bounded in length and safe against cause cycles
 * and exceptions whose {@code getMessage()} throws. It writes straight into its target: escaped into a JSON string
 * being built, or into text for a terminal.
 */
final class StackTraces {

    private static final int MAX_NESTING = 16;
    private static final String TRUNCATED = "\n\t... [stack trace truncated]";

    private StackTraces() {
    }

    /** Appends the trace to {@code out}, stopping once it passes {@code maxChars} characters. */
    static void render(Throwable thrown, StringBuilder out, int maxChars) {
        render(thrown, new TextOut(out, false), maxChars);
    }

    /**
     * As {@link #render(Throwable, StringBuilder, int)}, with the exceptions' class names and messages escaped for
     * a terminal, so that the only line breaks are the trace's own.
     */
    static void renderForTerminal(Throwable thrown, StringBuilder out, int maxChars) {
        render(thrown, new TextOut(out, true), maxChars);
    }

    /** Writes the trace as the content of a JSON string (without the quotes). */
    static void renderJson(Throwable thrown, JsonBuffer out, int maxChars) {
        render(thrown, new JsonOut(out), maxChars);
    }

    /** The exception's message, or null, even when its {@code getMessage()} throws. */
    static String message(Throwable thrown) {
        try {
            return thrown.getMessage();
        } catch (RuntimeException | LinkageError e) {
            return SafeText.placeholder(thrown, e);
        }
    }

    private static void render(Throwable thrown, Out out, int maxChars) {
        int limit = out.length() + Math.max(0, maxChars);
        Throwable[] seen = new Throwable[MAX_NESTING];
        if (!append(thrown, null, "", "", out, limit, seen, 0)) {
            out.text(TRUNCATED);
        }
    }

    /** Returns false when the limit cut the rendering short. */
    private static boolean append(Throwable thrown, StackTraceElement[] enclosing, String caption, String prefix,
            Out out, int limit, Throwable[] seen, int depth) {
        if (depth >= MAX_NESTING || contains(seen, depth, thrown)) {
            out.text(prefix);
            out.text(caption);
            out.text("[circular reference: ");
            out.userText(thrown.getClass().getName());
            out.text("]");
            return true;
        }
        seen[depth] = thrown;
        out.text(prefix);
        out.text(caption);
        out.userText(thrown.getClass().getName());
        String message = message(thrown);
        if (message != null) {
            out.text(": ");
            out.userText(message);
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
            out.frameStart(prefix);
            out.userText(frame.getClassName());
            out.plain('.');
            out.userText(frame.getMethodName());
            out.plain('(');
            if (frame.isNativeMethod()) {
                out.text("Native Method");
            } else if (frame.getFileName() == null) {
                out.text("Unknown Source");
            } else {
                out.userText(frame.getFileName());
                if (frame.getLineNumber() >= 0) {
                    out.plain(':');
                    out.number(frame.getLineNumber());
                }
            }
            out.plain(')');
        }
        if (own < frames.length) {
            out.text("\n");
            out.text(prefix);
            out.text("\t... ");
            out.number(frames.length - own);
            out.text(" more");
        }
        for (Throwable suppressed : thrown.getSuppressed()) {
            out.text("\n");
            if (!append(suppressed, frames, "Suppressed: ", prefix + "\t", out, limit, seen, depth + 1)) {
                return false;
            }
        }
        Throwable cause = thrown.getCause();
        if (cause != null) {
            out.text("\n");
            return append(cause, frames, "Caused by: ", prefix, out, limit, seen, depth + 1);
        }
        return out.length() <= limit;
    }

    private static boolean contains(Throwable[] seen, int count, Throwable thrown) {
        for (int i = 0; i < count; i++) {
            if (seen[i] == thrown) {
                return true;
            }
        }
        return false;
    }

    /** Where a trace is written: the trace's own text, and text that came from the application. */
    private abstract static class Out {
        /** Text of the trace's layout (line breaks, tabs, "at", captions): written as the target needs it. */
        abstract void text(String text);

        /** Class names, method names, file names and messages: escaped as the target needs. */
        abstract void userText(String text);

        abstract void number(int value);

        /** A printable ASCII character that needs no escaping anywhere. */
        abstract void plain(char c);

        /** A line break, the prefix and the tab and {@code at } that start a frame line. */
        void frameStart(String prefix) {
            text("\n");
            text(prefix);
            text("\tat ");
        }

        abstract int length();
    }

    private static final class TextOut extends Out {
        private final StringBuilder out;
        private final boolean escape;

        TextOut(StringBuilder out, boolean escape) {
            this.out = out;
            this.escape = escape;
        }

        @Override
        void text(String text) {
            out.append(text);
        }

        @Override
        void userText(String text) {
            if (escape) {
                ConsoleText.escape(text, out);
            } else {
                out.append(text);
            }
        }

        @Override
        void number(int value) {
            out.append(value);
        }

        @Override
        void plain(char c) {
            out.append(c);
        }

        @Override
        int length() {
            return out.length();
        }
    }

    private static final class JsonOut extends Out {
        private final JsonBuffer out;

        JsonOut(JsonBuffer out) {
            this.out = out;
        }

        @Override
        void text(String text) {
            out.escape(text, 0, text.length());
        }

        @Override
        void userText(String text) {
            out.escape(text, 0, text.length());
        }

        @Override
        void number(int value) {
            out.number(value);
        }

        @Override
        void plain(char c) {
            out.raw(c);
        }

        /** Pre-escaped: {@code \n\tat } as it appears inside a JSON string. */
        private static final byte[] FRAME_START = "\\n\\tat ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        @Override
        void frameStart(String prefix) {
            if (prefix.isEmpty()) {
                out.raw(FRAME_START);
            } else {
                super.frameStart(prefix);
            }
        }

        @Override
        int length() {
            return out.size();
        }
    }
}
