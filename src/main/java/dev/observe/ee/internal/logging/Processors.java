package dev.observe.ee.internal.logging;

import dev.observe.ee.logging.LogContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.LogRecord;

/** The guide's processor chain, in order, and each processor: from a JUL record to the raw event. */
final class Processors {

    private Processors() {
    }

    /** Every processor, in the order they run; the {@link Sanitizer} runs after them. */
    static List<LogProcessor> standard(TraceContext traceContext) {
        return List.of(Processors::timestamp, Processors::level, Processors::loggerName, Processors::thread,
                Processors::message, Processors::fields, traceContext::addTo, Processors::exception);
    }

    /** structlog's TimeStamper: the record's instant, to the nanosecond the JVM measured. */
    static void timestamp(LogRecord record, LogEvent event) {
        Instant instant = record.getInstant();
        event.epochSecond = instant.getEpochSecond();
        event.nanos = instant.getNano();
    }

    /** structlog's add_log_level: the JUL level's row of the level table. */
    static void level(LogRecord record, LogEvent event) {
        event.level = LogLevel.of(record.getLevel());
    }

    /** structlog's add_logger_name. */
    static void loggerName(LogRecord record, LogEvent event) {
        String name = record.getLoggerName();
        event.logger = name != null ? name : "";
    }

    /** The thread's name; JUL publishes on the logging thread, so the current thread is the record's. */
    static void thread(LogRecord record, LogEvent event) {
        Thread current = Thread.currentThread();
        event.threadName = current.getId() == record.getLongThreadID() ? current.getName()
                : "thread-" + record.getLongThreadID();
    }

    /**
     * The event: for {@link Log} records the event name; for plain JUL records the message, localised through its
     * resource bundle and with {@code {0}}-style parameters filled in exactly as JUL's own formatters do, each
     * parameter read once and safely ({@link PositionalMessage}; structlog's PositionalArgumentsFormatter).
     */
    static void message(LogRecord record, LogEvent event) {
        event.event = nonNull(record instanceof StructuredRecord ? record.getMessage() : PositionalMessage.format(record));
    }

    /** structlog's merge_contextvars, then the logger's bound fields, then the call's own; later keys win. */
    static void fields(LogRecord record, LogEvent event) {
        if (record instanceof StructuredRecord structured) {
            event.addFields(structured.context());
            event.addFields(structured.bound());
            event.addFields(structured.keyValues());
        } else {
            event.addFields(ContextFields.get());
        }
    }

    /** The exception, rendered later by the renderer within its size bound. */
    static void exception(LogRecord record, LogEvent event) {
        event.thrown = record.getThrown();
    }

    private static String nonNull(String text) {
        return text != null ? text : "";
    }
}
