package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;

import java.util.List;
import java.util.Optional;
import java.util.logging.ErrorManager;
import java.util.logging.LogManager;

/**
 * Settings of a formatter or handler that JUL itself created, read from the logging properties below a prefix
 * (the class name): the {@code observe.log.*} line keys under another name, through the same reader as the
 * application's configuration, so the bounds and messages are the same. Reads through {@link LogManager} only: in
 * server-wide mode these classes sit on a server's boot class path, where there is no MicroProfile Config.
 *
 * <p>A bad value falls back to its default, since JUL configuration has no way to fail; the problems are reported
 * once, through a JUL {@link ErrorManager} (as a JUL handler reports its own failures), in the words a failed
 * deployment would use.
 */
final class FormatterProperties {

    private FormatterProperties() {
    }

    static LogFormat read(String prefix, LogManager manager, LogSettings.Format format) {
        LogSettings settings = LogSettings.readLoggingProperties(key -> Optional.ofNullable(manager.getProperty(key)),
                prefix, format, problems -> report(prefix, problems, new ErrorManager()));
        return LogFormat.from(settings);
    }

    /** One report for all of a formatter's problems. */
    static void report(String prefix, List<String> problems, ErrorManager errors) {
        errors.error("observe-ee: logging properties of " + prefix + " ignored, defaults used instead:\n  "
                + String.join("\n  ", problems), null, ErrorManager.GENERIC_FAILURE);
    }
}
