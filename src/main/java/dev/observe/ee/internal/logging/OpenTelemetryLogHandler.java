package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.semconv.SemanticAttributes;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Sends the application's log records through OpenTelemetry's logs API as well, to whatever logs exporter the
 * SDK has ({@code otel.logs.exporter}, an OTLP endpoint): the same event and fields as the JSON line, as the log
 * record's body and attributes, redacted and bounded the same way; the severity from the JUL level; the current
 * span's trace context, which the SDK attaches from {@link Context#current()}; the exception as the semantic
 * conventions' {@code exception.*} attributes; the JUL logger's name as the instrumentation scope.
 *
 * <p>The records of OpenTelemetry's own loggers are not sent: an exporter reporting its failure would otherwise
 * feed the exporter that failed. Only loaded where the application sees the OpenTelemetry API.
 *
 * <p>Part of the library's internals, public only for the CDI extension.
 */
public final class OpenTelemetryLogHandler extends Handler {

    private static final List<LogProcessor> PROCESSORS = List.of(Processors::timestamp, Processors::level,
            Processors::loggerName, Processors::thread, Processors::message, Processors::fields,
            Processors::exception);


    private final LoggerProvider loggers;
    private final LogFormat format;
    private final String[] staticFields;

    public OpenTelemetryLogHandler(LoggerProvider loggers, LogFormat format) {
        this.loggers = loggers;
        this.format = format;
        this.staticFields = format.staticFields.entrySet().stream()
                .flatMap(field -> java.util.stream.Stream.of(field.getKey(), field.getValue()))
                .toArray(String[]::new);
        setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record) || fromOpenTelemetry(record.getLoggerName())) {
            return;
        }
        try {
            LogEvent event = new LogEvent();
            for (LogProcessor processor : PROCESSORS) {
                processor.process(record, event);
            }
            LogRecordBuilder builder = loggers.get(event.logger.isEmpty() ? "root" : event.logger).logRecordBuilder()
                    .setTimestamp(event.epochSecond * 1_000_000_000L + event.nanos, TimeUnit.NANOSECONDS)
                    .setContext(Context.current())
                    .setSeverity(severity(record.getLevel()))
                    .setSeverityText(event.levelName)
                    .setBody(bounded(event.event));
            addAttributes(builder, event);
            builder.emit();
        } catch (RuntimeException | LinkageError e) {
            reportError("observe-ee could not hand a log record to OpenTelemetry", null, ErrorManager.WRITE_FAILURE);
        }
    }

    private static boolean fromOpenTelemetry(String logger) {
        return logger != null && logger.startsWith("io.opentelemetry.");
    }

    /** Straight onto the record: an intermediate {@code Attributes} would be copied into it again. */
    private void addAttributes(LogRecordBuilder builder, LogEvent event) {
        for (int i = 0; i < staticFields.length; i += 2) {
            builder.setAttribute(stringKey(staticFields[i]), staticFields[i + 1]);
        }
        for (int i = 0; i < event.fieldCount(); i++) {
            String key = event.key(i);
            Object value = event.value(i);
            if (format.redaction.matches(key)) {
                builder.setAttribute(stringKey(key), Redaction.REPLACEMENT);
            } else if (value instanceof Boolean flag) {
                builder.setAttribute(AttributeKey.booleanKey(key), flag);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte) {
                builder.setAttribute(AttributeKey.longKey(key), ((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                builder.setAttribute(AttributeKey.doubleKey(key), ((Number) value).doubleValue());
            } else if (value != null) {
                builder.setAttribute(stringKey(key), bounded(SafeText.of(value)));
            }
        }
        builder.setAttribute(SemanticAttributes.THREAD_NAME, event.threadName);
        if (event.thrown != null) {
            builder.setAttribute(SemanticAttributes.EXCEPTION_TYPE, event.thrown.getClass().getName());
            if (event.thrown.getMessage() != null) {
                builder.setAttribute(SemanticAttributes.EXCEPTION_MESSAGE, bounded(SafeText.of(event.thrown.getMessage())));
            }
            builder.setAttribute(SemanticAttributes.EXCEPTION_STACKTRACE, stackTrace(event.thrown));
        }
    }

    private String bounded(String text) {
        return text.length() <= format.maxValueLength ? text : text.substring(0, format.maxValueLength) + "...";
    }

    private String stackTrace(Throwable thrown) {
        StringBuilder text = new StringBuilder(Math.min(format.maxStackTraceLength + 64, 4096));
        StackTraces.render(thrown, text, format.maxStackTraceLength);
        return text.toString();
    }

    /** OpenTelemetry's severity for a JUL level, by level value: custom levels fall in with the standard ones. */
    static Severity severity(Level level) {
        int value = level == null ? Level.INFO.intValue() : level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return Severity.ERROR;
        } else if (value >= Level.WARNING.intValue()) {
            return Severity.WARN;
        } else if (value >= Level.INFO.intValue()) {
            return Severity.INFO;
        } else if (value >= Level.CONFIG.intValue()) {
            return Severity.DEBUG4;
        } else if (value >= Level.FINE.intValue()) {
            return Severity.DEBUG;
        } else if (value >= Level.FINER.intValue()) {
            return Severity.TRACE4;
        }
        return Severity.TRACE;
    }

    @Override
    public void flush() {
        // The SDK's log record processor batches and flushes; nothing is held here.
    }

    @Override
    public void close() {
        // The LoggerProvider belongs to the SDK, which its owner shuts down.
    }
}
