package dev.observe.ee.logging;

import dev.observe.ee.internal.config.LogSettings;

import dev.observe.ee.internal.logging.LineEncoder;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * observe-ee's developer console lines (structlog's {@code ConsoleRenderer}: time, level, event, then
 * {@code key=value} pairs) as a standard JUL {@link Formatter}, for a server's own handlers.
 *
 * <p>Created by JUL with the no-argument constructor, it reads the settings of {@link JsonLogFormatter} from the
 * logging properties under its own class name, plus {@code .color=true|false} (ANSI colours).
 *
 * <p>Thread-safe. {@link #format} never throws, whatever the record holds (see {@link JsonLogFormatter}): a
 * failing {@code toString()}, {@code getMessage()} or stack trace shows as a placeholder naming the failure. A record
 * that cannot be formatted at all becomes a line naming the failure's type.
 */
public final class ConsoleLogFormatter extends Formatter {

    private final LineEncoder line;

    /** For JUL: settings from the logging properties. */
    public ConsoleLogFormatter() {
        line = LineEncoder.fromLoggingProperties(ConsoleLogFormatter.class.getName(), LogSettings.Format.CONSOLE);
    }

    /** One line, control characters escaped, ending in a line feed. Never throws. */
    @Override
    public String format(LogRecord record) {
        try {
            return line.format(record);
        } catch (Throwable e) {
            // Not even the fallback line could be made (out of memory, say): a line naming the failure still.
            return "observe-ee could not format a log record: " + e.getClass().getName() + "\n";
        }
    }
}
