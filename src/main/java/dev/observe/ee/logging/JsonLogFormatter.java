package dev.observe.ee.logging;

import java.util.logging.Formatter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * observe-ee's JSON lines as a standard JUL {@link Formatter}, for a server's own handlers (server-wide mode:
 * {@code java.util.logging.ConsoleHandler.formatter=dev.observe.ee.logging.JsonLogFormatter} in the server's
 * logging properties). Created by JUL with the no-argument constructor, it reads its settings from the logging
 * properties under its class name: {@code .schema} ({@code default}, {@code ecs}, {@code logstash}),
 * {@code .service}, {@code .static-fields} ({@code name=value,…}), {@code .redact.additional-keys} and
 * {@code .max-value-length}. See docs/logging.md.
 */
public class JsonLogFormatter extends Formatter {

    private final LineFormat line;

    /** For JUL: settings from the logging properties. */
    public JsonLogFormatter() {
        this(FormatterProperties.read(JsonLogFormatter.class.getName(), LogManager.getLogManager(),
                LogFormat.Renderer.JSON));
    }

    /** With explicit settings. */
    public JsonLogFormatter(LogFormat format) {
        this.line = new LineFormat(format, TraceContext.detect());
    }

    @Override
    public String format(LogRecord record) {
        try {
            return line.format(record);
        } catch (RuntimeException | LinkageError e) {
            return "{\"event\":\"observe-ee could not format a log record\",\"error\":\"" + e.getClass().getName()
                    + "\"}\n";
        }
    }
}
