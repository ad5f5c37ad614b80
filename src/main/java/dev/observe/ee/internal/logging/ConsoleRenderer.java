package dev.observe.ee.internal.logging;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * structlog's ConsoleRenderer, for a developer's terminal:
 * <pre>2024-01-15 14:32:01 [info     ] placing_order                  [orders.OrderService] user_id=123 item_count=3</pre>
 * Local time to the second, level padded in brackets, event padded to 30 columns, logger, then the user's fields
 * and the trace ids as {@code key=value}; an exception follows on the next lines, indented as Java prints it.
 *
 * <p>Every control character in what the application logged (newlines, carriage returns, escape sequences,
 * U+2028/U+2029) is shown escaped ({@code \n}, {@code \x1b}), so a message can neither start a second line nor
 * drive the terminal. With colour on, ANSI colours mark level, event, keys and values.
 */
final class ConsoleRenderer implements LineRenderer {

    private static final int EVENT_WIDTH = 30;
    private static final String RESET = "\u001b[0m";
    private static final String DIM = "\u001b[2m";
    private static final String BRIGHT = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String BLUE = "\u001b[34m";
    private static final String MAGENTA = "\u001b[35m";
    private static final String CYAN = "\u001b[36m";

    private final boolean color;
    private final int maxValueLength;
    private final int maxStackTraceLength;
    private final String traceIdName;
    private final String spanIdName;
    private final ZoneId zone = ZoneId.systemDefault();

    ConsoleRenderer(LogFormat format, FieldTable table) {
        this.color = format.color;
        this.maxValueLength = format.maxValueLength;
        this.maxStackTraceLength = format.maxStackTraceLength;
        this.traceIdName = table.nameOf(StandardField.TRACE_ID);
        this.spanIdName = table.nameOf(StandardField.SPAN_ID);
    }

    @Override
    public void render(LogEvent e, JsonBuffer out, StringBuilder line) {
        line.setLength(0);
        LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochSecond(e.epochSecond, e.nanos), zone);
        style(line, DIM);
        pad(line, time.getYear(), 4).append('-');
        pad(line, time.getMonthValue(), 2).append('-');
        pad(line, time.getDayOfMonth(), 2).append(' ');
        pad(line, time.getHour(), 2).append(':');
        pad(line, time.getMinute(), 2).append(':');
        pad(line, time.getSecond(), 2);
        reset(line);
        line.append(" [");
        String level = e.level.lowerName;
        style(line, levelColor(e.level));
        line.append(level);
        reset(line);
        line.append(" ".repeat(Math.max(0, 9 - level.length()))).append("] ");
        style(line, BRIGHT);
        int start = line.length();
        ConsoleText.escape(e.event, line);
        int width = line.length() - start;
        reset(line);
        line.append(" ".repeat(Math.max(0, EVENT_WIDTH - width))).append(' ');
        if (!e.logger.isEmpty()) {
            line.append('[');
            style(line, BLUE);
            ConsoleText.escape(e.logger, line);
            reset(line);
            line.append("] ");
        }
        for (int i = 0; i < e.fieldCount(); i++) {
            field(line, e.key(i), text(e.value(i)));
        }
        if (e.traceId != null) {
            field(line, traceIdName, e.traceId);
            field(line, spanIdName, e.spanId);
        }
        trimTrailingSpace(line);
        if (e.thrown != null) {
            line.append('\n');
            StackTraces.renderForTerminal(e.thrown, e.thrownMessage, line, maxStackTraceLength);
        }
        line.append('\n');
        out.utf8(line);
    }

    private void field(StringBuilder line, String key, String value) {
        style(line, CYAN);
        ConsoleText.escape(key, line);
        reset(line);
        line.append('=');
        style(line, MAGENTA);
        ConsoleText.escape(value, line);
        reset(line);
        line.append(' ');
    }

    /**
     * Strings as they are (the sanitize stage bounded them); anything else as it appears in the JSON line, that
     * text bounded as a whole so that one nested value cannot fill the terminal.
     */
    private String text(Object value) {
        return value instanceof String text ? text : Sanitizer.bounded(JsonRenderer.valueText(value), maxValueLength);
    }

    private void style(StringBuilder line, String code) {
        if (color) {
            line.append(code);
        }
    }

    private void reset(StringBuilder line) {
        if (color) {
            line.append(RESET);
        }
    }

    private static String levelColor(LogLevel level) {
        return switch (level) {
            case SEVERE -> RED + BRIGHT;
            case WARNING -> YELLOW;
            case INFO, CONFIG -> GREEN;
            case FINE -> BLUE;
            case FINER, FINEST -> DIM;
        };
    }

    private static StringBuilder pad(StringBuilder line, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            line.append('0');
        }
        return line.append(digits);
    }

    private static void trimTrailingSpace(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        line.setLength(end);
    }
}
