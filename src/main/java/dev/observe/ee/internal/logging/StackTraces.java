package dev.observe.ee.internal.logging;

/**
 * Renders a throwable the way {@link Throwable#printStackTrace()} does (causes, suppressed exceptions, frames in
 * common with the enclosing trace folded into {@code ... n more}), writing straight into its target: escaped into
 * a JSON string being built, or into text for a terminal or an OpenTelemetry attribute.
 *
 * <p>Bounded: nothing is written past {@code maxChars} characters of the target (a JSON escape counts as the
 * characters it takes in the line), not even inside one huge message or class name; a cut — by length, or a cause
 * chain deeper than {@value #MAX_NESTING} — ends the trace with {@value #TRUNCATED_TEXT}. A real cycle of causes is
 * named {@code [circular reference: type]} instead. Every method of the application's throwables is called through
 * {@link SafeText}, at most once per throwable, so a {@code getMessage()}, {@code getStackTrace()} or
 * {@code getCause()} that throws or recurses shows as a placeholder and the rest of the trace is still written.
 */
final class StackTraces {

    static final int MAX_NESTING = 16;
    static final String TRUNCATED_TEXT = "[stack trace truncated]";
    private static final String TRUNCATED = "\n\t... " + TRUNCATED_TEXT;
    /** The most target characters one source character can take: {@code \u0001} in JSON. */
    private static final int MAX_EXPANSION = 6;
    private static final StackTraceElement[] NO_FRAMES = new StackTraceElement[0];
    private static final Throwable[] NONE = new Throwable[0];

    private StackTraces() {
    }

    /** Appends the trace to {@code out}; {@code message} is {@code thrown}'s message, already read (or null). */
    static void render(Throwable thrown, String message, StringBuilder out, int maxChars) {
        render(thrown, message, new TextOut(out, false), maxChars);
    }

    /**
     * As {@link #render(Throwable, String, StringBuilder, int)}, with the exceptions' class names and messages
     * escaped for a terminal, so that the only line breaks are the trace's own.
     */
    static void renderForTerminal(Throwable thrown, String message, StringBuilder out, int maxChars) {
        render(thrown, message, new TextOut(out, true), maxChars);
    }

    /** Writes the trace as the content of a JSON string (without the quotes). */
    static void renderJson(Throwable thrown, String message, JsonBuffer out, int maxChars) {
        render(thrown, message, new JsonOut(out), maxChars);
    }

    private static void render(Throwable thrown, String message, Out out, int maxChars) {
        out.limit = out.length() + Math.max(0, maxChars);
        Throwable[] seen = new Throwable[MAX_NESTING];
        if (!append(thrown, message, NO_FRAMES, "", "", out, seen, 0)) {
            out.text(TRUNCATED);
        }
    }

    /** Returns false when a bound cut the rendering short. */
    private static boolean append(Throwable thrown, String message, StackTraceElement[] enclosing, String caption,
            String prefix, Out out, Throwable[] seen, int depth) {
        if (contains(seen, depth, thrown)) {
            out.text(prefix);
            out.text(caption);
            out.text("[circular reference: ");
            out.user(thrown.getClass().getName());
            out.text("]");
            return !out.cut;
        }
        if (depth >= MAX_NESTING) {
            return false;
        }
        seen[depth] = thrown;
        out.text(prefix);
        out.text(caption);
        out.user(thrown.getClass().getName());
        if (message != null) {
            out.text(": ");
            out.user(message);
        }
        if (out.cut) {
            return false;
        }
        StackTraceElement[] frames;
        try {
            frames = thrown.getStackTrace();
        } catch (Throwable failure) {
            frames = NO_FRAMES;
            failed(out, prefix, SafeText.placeholder(thrown, "getStackTrace", failure));
        }
        int own = frames.length;
        int m = own - 1;
        for (int n = enclosing.length - 1; m >= 0 && n >= 0 && frames[m].equals(enclosing[n]); m--, n--) {
            own--;
        }
        for (int i = 0; i < own; i++) {
            if (out.cut || out.length() > out.limit) {
                return false;
            }
            frame(frames[i], prefix, out);
        }
        if (own < frames.length) {
            out.text("\n");
            out.text(prefix);
            out.text("\t... ");
            out.number(frames.length - own);
            out.text(" more");
        }
        Throwable[] suppressed;
        try {
            suppressed = thrown.getSuppressed();
        } catch (Throwable failure) {
            suppressed = NONE;
            failed(out, prefix, SafeText.placeholder(thrown, "getSuppressed", failure));
        }
        for (Throwable each : suppressed) {
            out.text("\n");
            if (!append(each, SafeText.message(each), frames, "Suppressed: ", prefix + "\t", out, seen, depth + 1)) {
                return false;
            }
        }
        Throwable cause;
        try {
            cause = thrown.getCause();
        } catch (Throwable failure) {
            cause = null;
            out.text("\n");
            out.text(prefix);
            out.text("Caused by: ");
            out.user(SafeText.placeholder(thrown, "getCause", failure));
        }
        if (cause != null) {
            out.text("\n");
            return append(cause, SafeText.message(cause), frames, "Caused by: ", prefix, out, seen, depth + 1);
        }
        return out.length() <= out.limit && !out.cut;
    }

    private static void frame(StackTraceElement frame, String prefix, Out out) {
        out.frameStart(prefix);
        out.user(frame.getClassName());
        out.plain('.');
        out.user(frame.getMethodName());
        out.plain('(');
        if (frame.isNativeMethod()) {
            out.text("Native Method");
        } else if (frame.getFileName() == null) {
            out.text("Unknown Source");
        } else {
            out.user(frame.getFileName());
            if (frame.getLineNumber() >= 0) {
                out.plain(':');
                out.number(frame.getLineNumber());
            }
        }
        out.plain(')');
    }

    /** A line of its own, where a frame would be, for a method of the throwable that failed. */
    private static void failed(Out out, String prefix, String placeholder) {
        out.text("\n");
        out.text(prefix);
        out.text("\t");
        out.user(placeholder);
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
        /** The target length past which nothing more of the application's text is written. */
        int limit;
        /** Whether a piece of the application's text was cut at the limit. */
        boolean cut;

        /** Text of the trace's layout (line breaks, tabs, "at", captions): written as the target needs it. */
        abstract void text(String text);

        /** Characters {@code from} to {@code to} of class names, method names, file names and messages, escaped. */
        abstract void userText(String text, int from, int to);

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

        /**
         * The application's text, as much of it as fits below the limit: written whole where even its worst-case
         * escaping fits, else in chunks that each fit, never splitting a surrogate pair.
         */
        final void user(String text) {
            int length = text.length();
            int room = limit - length();
            if ((long) length * MAX_EXPANSION <= room) {
                userText(text, 0, length);
                return;
            }
            int from = 0;
            while (from < length) {
                room = limit - length();
                if (room <= 0) {
                    cut = true;
                    return;
                }
                int to = Math.min(length, from + Math.max(1, room / MAX_EXPANSION));
                if (to < length && Character.isHighSurrogate(text.charAt(to - 1))
                        && Character.isLowSurrogate(text.charAt(to))) {
                    to = to - 1 > from ? to - 1 : to + 1;
                }
                userText(text, from, to);
                from = to;
            }
        }
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
        void userText(String text, int from, int to) {
            if (escape) {
                ConsoleText.escape(from == 0 && to == text.length() ? text : text.substring(from, to), out);
            } else {
                out.append(text, from, to);
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
        void userText(String text, int from, int to) {
            out.escape(text, from, to);
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
