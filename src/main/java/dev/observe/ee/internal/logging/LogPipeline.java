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

    /**
     * Clears {@code event} and fills it with what can be told of {@code record} without calling into the
     * application — time, level, logger, thread, the message as given — plus {@value #FAILURE_FIELD} naming the
     * failure that kept the record from being processed: the line is still written, and says why it is short.
     */
    void fallback(LogRecord record, Throwable failure, LogEvent event) {
        event.clear();
        Processors.timestamp(record, event);
        Processors.level(record, event);
        Processors.loggerName(record, event);
        Processors.thread(record, event);
        String message = record.getMessage();
        event.event = message == null ? "" : message;
        event.putField(FAILURE_FIELD, "observe-ee could not render this record: " + failure.getClass().getName());
        sanitizer.sanitize(event);
    }

    /** The field that names a failure of the pipeline itself (see {@link #fallback}). */
    static final String FAILURE_FIELD = "log_failure";

    /** The field table of the line the format writes. */
    FieldTable table() {
        return table;
    }

    /** The processors, for tests. */
    List<LogProcessor> processors() {
        return List.of(processors);
    }
}
