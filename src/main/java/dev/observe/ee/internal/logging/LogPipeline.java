package dev.observe.ee.internal.logging;

import java.util.List;
import java.util.logging.LogRecord;

/**
 * The one way a JUL record becomes the event every sink consumes: the {@link Processors} in order, then the
 * {@link Sanitizer}. The JSON and console lines ({@link LineEncoder}) and the OpenTelemetry log record
 * ({@link OpenTelemetryLogHandler}) all take their event from here, so redaction and bounds cannot differ between
 * them. Immutable and thread-safe; the event is the caller's.
 */
final class LogPipeline {

    private final LogProcessor[] processors;
    private final Sanitizer sanitizer;
    private final FieldTable table;

    LogPipeline(LogFormat format, TraceContext traceContext) {
        this.table = FieldTable.of(format);
        this.processors = Processors.standard(traceContext).toArray(new LogProcessor[0]);
        this.sanitizer = new Sanitizer(format, table);
    }

    /** Clears {@code event} and fills it from {@code record}, sanitized. */
    void process(LogRecord record, LogEvent event) {
        event.clear();
        for (LogProcessor processor : processors) {
            processor.process(record, event);
        }
        sanitizer.sanitize(event);
    }

    /** The field table of the line the format writes. */
    FieldTable table() {
        return table;
    }

    /** The processors, for tests. */
    List<LogProcessor> processors() {
        return List.of(processors);
    }
}
