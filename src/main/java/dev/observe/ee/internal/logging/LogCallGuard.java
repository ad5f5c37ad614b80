package dev.observe.ee.internal.logging;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.ErrorManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Hands a record of {@link dev.observe.ee.logging.Log} to JUL so that nothing a handler throws reaches the
 * application: JUL's {@code Logger.log} lets a handler's exception or error through to the caller (a server's
 * handler, or a JDK {@code ConsoleHandler} whose formatter fails), so it is caught here — any {@link Throwable} — and
 * reported instead.
 *
 * <p>Unlike JUL's default {@link ErrorManager}, which prints the first failure of the JVM run and is silent after
 * it, every failure stays visible: each is reported on standard error as one line naming the event and the
 * failure, at most one line a second, the next line counting those left out in between, so that a handler that
 * always fails cannot flood the output either.
 *
 * <p>Part of the library's internals, public for the API's {@code Log}. Thread-safe.
 */
public final class LogCallGuard {

    /** The guard of every {@code Log}: reports to the process's standard error. */
    public static final LogCallGuard DEFAULT = new LogCallGuard(new EveryFailure(System::nanoTime, null));

    private final ErrorManager failures;

    LogCallGuard(ErrorManager failures) {
        this.failures = failures;
    }

    /** Logs {@code record} on {@code logger}. Never throws: a handler's failure is reported as a write failure. */
    public void log(Logger logger, LogRecord record) {
        try {
            logger.log(record);
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            try {
                failures.error("observe-ee: logging " + record.getMessage() + " failed: " + e.getClass().getName(),
                        e instanceof Exception exception ? exception : null, ErrorManager.WRITE_FAILURE);
            } catch (Throwable ignored) {
                // Standard error itself failed: nothing is left to tell, and the application must go on.
            }
        }
    }

    /** Every failure, one line each, at most one line a second; the next line counts those left out. */
    static final class EveryFailure extends ErrorManager {

        private static final long INTERVAL_NANOS = 1_000_000_000L;

        private final LongSupplier nanoClock;
        private final PrintStream out;
        private final AtomicLong left = new AtomicLong();
        private long last;
        private boolean any;

        /** @param out where lines go; null means the process's standard error at the time of each failure */
        EveryFailure(LongSupplier nanoClock, PrintStream out) {
            this.nanoClock = nanoClock;
            this.out = out;
        }

        @Override
        public void error(String message, Exception exception, int code) {
            long now = nanoClock.getAsLong();
            synchronized (this) {
                if (any && now - last < INTERVAL_NANOS) {
                    left.incrementAndGet();
                    return;
                }
                any = true;
                last = now;
            }
            long skipped = left.getAndSet(0);
            // One line: a failure's text must not forge lines on standard error either.
            StringBuilder line = new StringBuilder(message.length() + 64);
            ConsoleText.escape(message, line);
            if (skipped > 0) {
                line.append(" (").append(skipped).append(" more failures since the last report)");
            }
            (out != null ? out : System.err).println(line);
        }
    }
}
