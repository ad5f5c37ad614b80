package dev.observe.ee.logging;

import java.util.logging.LogManager;

/**
 * observe-ee's JSON lines as a standard JUL {@link java.util.logging.Formatter}, for a server's own handlers
 * (server-wide mode: {@code java.util.logging.ConsoleHandler.formatter=dev.observe.ee.logging.JsonLogFormatter}
 * in the server's logging properties). Created by JUL with the no-argument constructor, it reads its settings from
 * the logging properties under its class name: {@code .schema} ({@code default}, {@code ecs}, {@code logstash}),
 * {@code .service}, {@code .static-fields} ({@code name=value,…}), {@code .redact.additional-keys} and
 * {@code .max-value-length}. See docs/logging.md.
 */
public class JsonLogFormatter extends LineFormatter {

    /** For JUL: settings from the logging properties. */
    public JsonLogFormatter() {
        this(FormatterProperties.read(JsonLogFormatter.class.getName(), LogManager.getLogManager(),
                LogFormat.Renderer.JSON));
    }

    /** With explicit settings. */
    public JsonLogFormatter(LogFormat format) {
        super(format);
    }

    @Override
    String failed(Throwable failure) {
        return "{\"event\":\"observe-ee could not format a log record\",\"error\":\"" + failure.getClass().getName()
                + "\"}\n";
    }
}
