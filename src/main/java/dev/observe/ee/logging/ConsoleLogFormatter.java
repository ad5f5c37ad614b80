package dev.observe.ee.logging;

import java.util.logging.Formatter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * The developer console lines of {@link ConsoleRenderer} as a standard JUL {@link Formatter}, configured like
 * {@link JsonLogFormatter} (plus {@code .color=true|false}).
 */
public class ConsoleLogFormatter extends Formatter {

    private final LineFormat line;

    /** For JUL: settings from the logging properties. */
    public ConsoleLogFormatter() {
        this(FormatterProperties.read(ConsoleLogFormatter.class.getName(), LogManager.getLogManager(),
                LogFormat.Renderer.CONSOLE));
    }

    /** With explicit settings. */
    public ConsoleLogFormatter(LogFormat format) {
        this.line = new LineFormat(format, TraceContext.detect());
    }

    @Override
    public String format(LogRecord record) {
        try {
            return line.format(record);
        } catch (RuntimeException | LinkageError e) {
            return "observe-ee could not format a log record: " + e.getClass().getName() + "\n";
        }
    }
}
