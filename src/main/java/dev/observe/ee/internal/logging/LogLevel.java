package dev.observe.ee.internal.logging;

import java.util.logging.Level;

/**
 * The level table: each standard JUL level with its name in every output. A custom level takes the row of the
 * highest standard level at or below its value (below {@code FINEST}: the {@code FINEST} row), as
 * jboss-logmanager and OpenTelemetry's JUL bridge place custom levels.
 *
 * <p>Columns: structlog's lowercase name (the default schema, the console, the OTLP severity text); the name
 * Logback, ecs-logging and logstash-logback-encoder write ({@code WARN}); Logback's {@code level_value}; and the
 * OpenTelemetry log data model's {@code SeverityNumber} (1-24), kept as a number so that this table loads where the
 * OpenTelemetry API is absent.
 */
enum LogLevel {

    //     JUL level      structlog   upper     level_value  SeverityNumber
    SEVERE(Level.SEVERE, "error", "ERROR", 40_000, 17),    // ERROR
    WARNING(Level.WARNING, "warning", "WARN", 30_000, 13), // WARN
    INFO(Level.INFO, "info", "INFO", 20_000, 9),           // INFO
    CONFIG(Level.CONFIG, "info", "INFO", 20_000, 8),       // DEBUG4
    FINE(Level.FINE, "debug", "DEBUG", 10_000, 5),         // DEBUG
    FINER(Level.FINER, "trace", "TRACE", 5_000, 4),        // TRACE4
    FINEST(Level.FINEST, "trace", "TRACE", 5_000, 1);      // TRACE

    private static final LogLevel[] DESCENDING = values();

    /** The JUL level value from which on a record takes this row. */
    final int threshold;
    /** structlog's name: {@code error, warning, info, debug, trace}. */
    final String lowerName;
    /** Logback's, ecs-logging's and logstash-logback-encoder's name: {@code ERROR, WARN, INFO, DEBUG, TRACE}. */
    final String upperName;
    /** Logback's level value, logstash-logback-encoder's {@code level_value}. */
    final int logbackValue;
    /** OpenTelemetry's {@code SeverityNumber}. */
    final int severityNumber;

    LogLevel(Level level, String lowerName, String upperName, int logbackValue, int severityNumber) {
        this.threshold = level.intValue();
        this.lowerName = lowerName;
        this.upperName = upperName;
        this.logbackValue = logbackValue;
        this.severityNumber = severityNumber;
    }

    /** The row of {@code level}; a record without a level is treated as INFO. */
    static LogLevel of(Level level) {
        int value = level == null ? Level.INFO.intValue() : level.intValue();
        for (LogLevel row : DESCENDING) {
            if (value >= row.threshold) {
                return row;
            }
        }
        return FINEST;
    }
}
