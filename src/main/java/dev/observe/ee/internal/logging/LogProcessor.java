package dev.observe.ee.internal.logging;

import java.util.logging.LogRecord;

/**
 * One step from a JUL record to the event the renderers print, like a structlog processor: it reads the record
 * (and, where it says so, the current thread) and fills its part of the event. Implementations are stateless,
 * thread-safe and never throw.
 */
@FunctionalInterface
interface LogProcessor {

    void process(LogRecord record, LogEvent event);
}
