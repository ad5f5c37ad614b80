package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.semconv.SemanticAttributes;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;

import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Sends the application's log records through OpenTelemetry's logs API as well, to whatever logs exporter the
 * SDK has ({@code otel.logs.exporter}, an OTLP endpoint). The record is the sanitized event of the same
 * {@link LogPipeline} as the JSON line, so it is redacted and bounded exactly as the line is: the event as the
 * body; the user's and the static fields as attributes (strings, longs, doubles, booleans; a nested map or list as
 * its JSON text, redacted inside); the severity from the {@link LogLevel} table; the current span's trace context,
 * which the SDK attaches from {@link Context#current()}; the exception as the semantic conventions'
 * {@code exception.*} attributes; the JUL logger's name as the instrumentation scope.
 *
 * <p>The records of OpenTelemetry's own loggers are not sent: an exporter reporting its failure would otherwise
 * feed the exporter that failed. Only loaded where the application sees the OpenTelemetry API. {@link #publish}
 * never throws: a failure is reported through this handler's {@link ErrorManager}.
 *
 * <p>Part of the library's internals, public only for the CDI extension.
 */
public final class OpenTelemetryLogHandler extends Handler {

    /** OpenTelemetry's severities by {@code SeverityNumber}, the level table's last column. */
    private static final Severity[] SEVERITIES = new Severity[25];

    static {
        for (Severity severity : Severity.values()) {
            SEVERITIES[severity.getSeverityNumber()] = severity;
        }
    }

    private final LoggerProvider loggers;
    private final LogPipeline pipeline;
    private final int maxStackTraceLength;

    /**
     * @param loggers the SDK's (or the runtime's) logs API
     * @param format the application's log format: the same redaction, bounds and field names as its lines
     */
    public OpenTelemetryLogHandler(LoggerProvider loggers, LogFormat format) {
        this.loggers = loggers;
        // The trace context goes onto the record from Context.current(), not through the event.
        this.pipeline = new LogPipeline(format, TraceContext.NONE);
        this.maxStackTraceLength = format.maxStackTraceLength;
        setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record) || fromOpenTelemetry(record.getLoggerName())) {
            return;
        }
        try {
            LogEvent event = new LogEvent();
            pipeline.process(record, event);
            // The scope is the logger's own name, not the bounded value the line shows.
            String scope = record.getLoggerName();
            LogRecordBuilder builder = loggers.get(scope == null || scope.isEmpty() ? "root" : scope)
                    .logRecordBuilder()
                    .setTimestamp(event.epochSecond * 1_000_000_000L + event.nanos, TimeUnit.NANOSECONDS)
                    .setContext(Context.current())
                    .setSeverity(severity(event.level))
                    .setSeverityText(event.level.lowerName)
                    .setBody(event.event);
            addAttributes(builder, event);
            builder.emit();
        } catch (Throwable e) {
            // The pipeline reads the application's objects safely; what is left is the SDK's own failure.
            reportError("observe-ee could not hand a log record to OpenTelemetry: " + e.getClass().getName(), null,
                    ErrorManager.WRITE_FAILURE);
        }
    }

    private static boolean fromOpenTelemetry(String logger) {
        return logger != null && logger.startsWith("io.opentelemetry.");
    }

    /** Straight onto the record: an intermediate {@code Attributes} would be copied into it again. */
    private void addAttributes(LogRecordBuilder builder, LogEvent event) {
        String[] staticFields = event.staticFields;
        for (int i = 0; i < staticFields.length; i += 2) {
            builder.setAttribute(stringKey(staticFields[i]), staticFields[i + 1]);
        }
        for (int i = 0; i < event.fieldCount(); i++) {
            String key = event.key(i);
            Object value = event.value(i);
            if (value instanceof String text) {
                builder.setAttribute(stringKey(key), text);
            } else if (value instanceof Boolean flag) {
                builder.setAttribute(AttributeKey.booleanKey(key), flag);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte) {
                builder.setAttribute(AttributeKey.longKey(key), ((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                builder.setAttribute(AttributeKey.doubleKey(key), ((Number) value).doubleValue());
            } else if (value != null) {
                // Nested maps and lists, big numbers: the JSON text of the sanitized value, as in the line.
                builder.setAttribute(stringKey(key), JsonRenderer.valueText(value));
            }
        }
        builder.setAttribute(SemanticAttributes.THREAD_NAME, event.threadName);
        if (event.thrown != null) {
            builder.setAttribute(SemanticAttributes.EXCEPTION_TYPE, event.errorType);
            if (event.errorMessage != null) {
                builder.setAttribute(SemanticAttributes.EXCEPTION_MESSAGE, event.errorMessage);
            }
            builder.setAttribute(SemanticAttributes.EXCEPTION_STACKTRACE, stackTrace(event));
        }
    }

    private String stackTrace(LogEvent event) {
        StringBuilder text = new StringBuilder(Math.min(maxStackTraceLength + 64, 4096));
        StackTraces.render(event.thrown, event.thrownMessage, text, maxStackTraceLength);
        return text.toString();
    }

    /** OpenTelemetry's severity for a row of the level table. */
    static Severity severity(LogLevel level) {
        return SEVERITIES[level.severityNumber];
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
