package dev.observe.ee.internal.logging;

import java.util.logging.ErrorManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Hands a record of {@link dev.observe.ee.logging.Log} to JUL so that nothing a handler throws reaches the
 * application: JUL's {@code Logger.log} lets a handler's exception through to the caller, so it is caught here and
 * reported through a JUL {@link ErrorManager} instead, as a JUL handler reports its own failures.
 *
 * <p>Part of the library's internals, public for the API's {@code Log}. Thread-safe.
 */
public final class LogCallGuard {

    /**
     * The guard of every {@code Log}: JUL's default {@link ErrorManager}, which prints the first failure of the JVM
     * run to standard error and stays silent afterwards, so that a broken handler cannot flood the output.
     */
    public static final LogCallGuard DEFAULT = new LogCallGuard(new ErrorManager());

    private final ErrorManager failures;

    LogCallGuard(ErrorManager failures) {
        this.failures = failures;
    }

    /**
     * Logs {@code record} on {@code logger}. Never throws: a {@link RuntimeException} or {@link LinkageError} of a
     * handler is reported as {@link ErrorManager#WRITE_FAILURE}, naming the event.
     */
    public void log(Logger logger, LogRecord record) {
        try {
            logger.log(record);
        } catch (RuntimeException | LinkageError e) {
            failures.error("observe-ee: logging " + record.getMessage() + " failed: " + e,
                    e instanceof Exception exception ? exception : null, ErrorManager.WRITE_FAILURE);
        }
    }
}
