package dev.observe.ee.internal.logging;

import java.util.logging.Level;

/** JUL levels under the names structlog uses: lowercase, {@code error} for SEVERE. */
final class LogLevels {

    static final String TRACE = "trace";
    static final String DEBUG = "debug";
    static final String INFO = "info";
    static final String WARNING = "warning";
    static final String ERROR = "error";

    private LogLevels() {
    }

    /** The name of any level, standard or custom, by where its value falls among the standard ones. */
    static String name(Level level) {
        int value = level == null ? Level.INFO.intValue() : level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return WARNING;
        }
        if (value >= Level.CONFIG.intValue()) {
            return INFO;
        }
        if (value >= Level.FINE.intValue()) {
            return DEBUG;
        }
        return TRACE;
    }
}
