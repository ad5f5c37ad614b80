package dev.observe.ee.logging;

import java.util.logging.LogManager;

/**
 * The developer console lines of {@link ConsoleRenderer} as a standard JUL {@link java.util.logging.Formatter},
 * configured like {@link JsonLogFormatter} (plus {@code .color=true|false}).
 */
public class ConsoleLogFormatter extends LineFormatter {

    /** For JUL: settings from the logging properties. */
    public ConsoleLogFormatter() {
        this(FormatterProperties.read(ConsoleLogFormatter.class.getName(), LogManager.getLogManager(),
                LogFormat.Renderer.CONSOLE));
    }

    /** With explicit settings. */
    public ConsoleLogFormatter(LogFormat format) {
        super(format);
    }

    @Override
    String failed(Throwable failure) {
        return "observe-ee could not format a log record: " + failure.getClass().getName() + "\n";
    }
}
