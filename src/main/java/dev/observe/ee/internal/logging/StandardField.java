package dev.observe.ee.internal.logging;

/**
 * A key per standard field of a line, like jboss-logmanager's {@code StructuredFormatter.Key}: what the field
 * holds, whatever it is called in a schema. {@link FieldTable} says where each goes and under which name;
 * {@link #USER_FIELDS} and {@link #STATIC_FIELDS} mark where the application's and the configured fields go.
 */
enum StandardField {
    /** The record's instant, ISO-8601 UTC with microseconds. */
    TIMESTAMP,
    /** The level's name from the {@link LogLevel} table. */
    LEVEL,
    /** Logback's level value ({@link LogLevel#logbackValue}). */
    LEVEL_VALUE,
    /** The JUL logger's name. */
    LOGGER,
    /** The event name or formatted message. */
    EVENT,
    /** The logging thread's name. */
    THREAD,
    /** The current span's trace id, where there is one. */
    TRACE_ID,
    /** The current span's id, where there is one. */
    SPAN_ID,
    /** {@code otel.service.name} (or the application's name), where set. */
    SERVICE,
    /** The schema's own version field: ECS's {@code ecs.version}, logstash's {@code @version}. */
    VERSION,
    /** The exception's class name. */
    ERROR_TYPE,
    /** The exception's message, where it has one. */
    ERROR_MESSAGE,
    /** The exception's stack trace, causes and suppressed included. */
    ERROR_STACK,
    /** An object holding the error fields (the default schema's {@code exception}). */
    EXCEPTION,
    /** Where the context, bound and call fields go. */
    USER_FIELDS,
    /** Where {@code observe.log.static-fields} go. */
    STATIC_FIELDS
}
