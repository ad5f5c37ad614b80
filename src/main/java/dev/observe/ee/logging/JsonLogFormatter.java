package dev.observe.ee.logging;

import dev.observe.ee.internal.config.LogSettings;

import dev.observe.ee.internal.logging.LineEncoder;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * observe-ee's JSON lines as a standard JUL {@link Formatter}, for a server's own handlers (server-wide mode:
 * {@code java.util.logging.ConsoleHandler.formatter=dev.observe.ee.logging.JsonLogFormatter} in the server's
 * logging properties).
 *
 * <p>Created by JUL with the no-argument constructor, it reads its settings from the logging properties
 * ({@link java.util.logging.LogManager#getProperty}) under its class name: {@code .schema} ({@code default},
 * {@code ecs}, {@code logstash}), {@code .service}, {@code .static-fields} ({@code name=value,…}),
 * {@code .redact.additional-keys} and {@code .max-value-length}; a bad value falls back to the default and is
 * reported. See docs/logging.md.
 *
 * <p>Thread-safe. {@link #format} never throws, whatever the record holds: a message parameter, field value or
 * exception whose methods throw any {@link Throwable}, recurse or overflow the stack shows as a placeholder naming
 * the failure ({@code [com.acme.E.getMessage() failed: java.lang.StackOverflowError]}) and the line is written,
 * every time; positional parameters are filled in as {@link Formatter#formatMessage} does. A record that cannot be
 * formatted at all becomes a one-line JSON object naming the failure's type.
 */
public final class JsonLogFormatter extends Formatter {

    private final LineEncoder line;

    /** For JUL: settings from the logging properties. */
    public JsonLogFormatter() {
        line = LineEncoder.fromLoggingProperties(JsonLogFormatter.class.getName(), LogSettings.Format.JSON);
    }

    /** One JSON object and a line feed, in UTF-16 as JUL's formatters return it. Never throws. */
    @Override
    public String format(LogRecord record) {
        try {
            return line.format(record);
        } catch (Throwable e) {
            // Not even the fallback line could be made (out of memory, say): a line naming the failure still.
            return "{\"event\":\"observe-ee could not format a log record\",\"error\":\"" + e.getClass().getName()
                    + "\"}\n";
        }
    }
}
