package dev.observe.ee.logging;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** What {@link JsonLogFormatter} and {@link ConsoleLogFormatter} share: a {@link LineFormat} behind JUL's API. */
abstract class LineFormatter extends Formatter {

    private final LineFormat line;

    LineFormatter(LogFormat format) {
        this.line = new LineFormat(format, TraceContext.detect());
    }

    @Override
    public String format(LogRecord record) {
        try {
            return line.format(record);
        } catch (RuntimeException | LinkageError e) {
            return failed(e);
        }
    }

    /** The line written instead of a record that could not be formatted. */
    abstract String failed(Throwable failure);
}
