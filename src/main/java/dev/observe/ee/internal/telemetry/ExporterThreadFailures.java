package dev.observe.ee.internal.telemetry;

import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Turns an exception that escapes an OpenTelemetry exporter on one of OkHttp's dispatcher threads into one exporter
 * message, which observe-ee's exporter throttle then lets through at most once a minute, instead of the JVM's raw
 * {@code Exception in thread "okhttp-dispatch-1" java.lang.IllegalStateException: ...} and its stack trace.
 *
 * <p>Why: OpenTelemetry Java up to 1.33 (Payara Micro 6 runs 1.29; a WAR brings 1.29 to a runtime without
 * MicroProfile Telemetry) wraps an {@code IOException} of its OTLP/HTTP exporter in an
 * {@code IllegalStateException} twice: while writing the request body (a collector that closes or resets the
 * connection mid-request: "Broken pipe") and while reading the body of an error response that breaks off. OkHttp
 * rethrows anything but an {@code IOException} on its dispatcher thread, where only the uncaught-exception handler
 * sees it (<a href="https://github.com/open-telemetry/opentelemetry-java/issues/6069">open-telemetry/opentelemetry-java#6069</a>,
 * fixed in 1.34 by <a href="https://github.com/open-telemetry/opentelemetry-java/pull/6082">#6082</a>; Open Liberty
 * 25's 1.39 has the fix). The exporter's threads are made by the SDK inside the runtime, so no handler can be set on
 * them; the JVM-wide default handler is the one place left.
 *
 * <p>Narrow on purpose: only a throwable thrown from an OpenTelemetry exporter's code ({@code io.opentelemetry.exporter.})
 * inside an OkHttp dispatcher's call ({@code okhttp3.internal.connection.RealCall$AsyncCall}, shaded or not) is
 * taken; every other one goes to the handler that was the default before, unchanged, or, where there was none, is
 * printed exactly as the JVM prints it. Installed while the application is deployed ({@link #install()}), removed at
 * undeploy ({@link #uninstall()}) from wherever it is in the chain of such handlers, so that no undeployed
 * application's class loader stays reachable from the JVM's default handler.
 *
 * <p>Thread-safe; never throws.
 */
public final class ExporterThreadFailures implements Thread.UncaughtExceptionHandler {

    static final String EXPORTER_PACKAGE = "io.opentelemetry.exporter.";
    static final String OKHTTP_CALL = "okhttp3.internal.connection.RealCall$AsyncCall";
    static final String UPSTREAM_ISSUE = "https://github.com/open-telemetry/opentelemetry-java/issues/6069";

    private volatile Thread.UncaughtExceptionHandler previous;
    private volatile boolean retired;

    ExporterThreadFailures(Thread.UncaughtExceptionHandler previous) {
        this.previous = previous;
    }

    /** Makes a new handler the JVM's default, in front of the one that was. */
    public static ExporterThreadFailures install() {
        ExporterThreadFailures handler = new ExporterThreadFailures(Thread.getDefaultUncaughtExceptionHandler());
        Thread.setDefaultUncaughtExceptionHandler(handler);
        return handler;
    }

    /**
     * Takes this handler out: the default again is what it was in front of, or, where another application's copy
     * was installed after this one, that copy now hands on to it directly. Where something else was installed in
     * front of it, this one stays in the chain and only hands on.
     */
    public void uninstall() {
        retired = true;
        Thread.UncaughtExceptionHandler current = Thread.getDefaultUncaughtExceptionHandler();
        if (current == this) {
            Thread.setDefaultUncaughtExceptionHandler(previous);
            return;
        }
        // Another application's copy of this class (another class loader): reached by its public methods.
        for (int hops = 0; current != null && hops < 100; hops++) {
            if (!current.getClass().getName().equals(ExporterThreadFailures.class.getName())) {
                return;
            }
            try {
                Method unlink = current.getClass().getMethod("unlink", Thread.UncaughtExceptionHandler.class,
                        Thread.UncaughtExceptionHandler.class);
                if ((Boolean) unlink.invoke(current, this, previous)) {
                    return;
                }
                current = (Thread.UncaughtExceptionHandler) current.getClass().getMethod("previous").invoke(current);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return;
            }
        }
    }

    /**
     * If {@code old} is the handler this one hands on to, hands on to {@code replacement} instead and returns
     * true. Public for another application's copy of this class, see {@link #uninstall()}.
     */
    public boolean unlink(Thread.UncaughtExceptionHandler old, Thread.UncaughtExceptionHandler replacement) {
        synchronized (this) {
            if (previous != old) {
                return false;
            }
            previous = replacement;
            return true;
        }
    }

    /** The handler this one hands on to; null for the JVM's own printing. */
    public Thread.UncaughtExceptionHandler previous() {
        return previous;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        try {
            String exporter = retired ? null : exporterOf(failure);
            if (exporter != null) {
                report(exporter, thread, failure);
                return;
            }
        } catch (RuntimeException | LinkageError e) {
            // hand the original on below
        }
        handOn(thread, failure);
    }

    /**
     * The exporter class (its outer class: the logger OpenTelemetry's exporter reports on) whose code threw
     * {@code failure} inside an OkHttp dispatcher's call, or null when that is not where it comes from.
     */
    static String exporterOf(Throwable failure) {
        String exporter = null;
        boolean onOkHttpCall = false;
        for (StackTraceElement frame : failure.getStackTrace()) {
            String type = frame.getClassName();
            if (exporter == null && type.startsWith(EXPORTER_PACKAGE)) {
                int inner = type.indexOf('$');
                exporter = inner < 0 ? type : type.substring(0, inner);
            }
            if (type.endsWith(OKHTTP_CALL)) {
                onOkHttpCall = true;
            }
        }
        return onOkHttpCall ? exporter : null;
    }

    /**
     * One record on the exporter's own logger, which is where observe-ee's throttle counts exporter messages: the
     * failure named, its stack trace left out (the record may be printed by a server's text handler).
     */
    private static void report(String exporter, Thread thread, Throwable failure) {
        LogRecord record = new LogRecord(Level.SEVERE, "Failed to export: the exporter's thread " + thread.getName()
                + " ended with " + describe(failure) + "; that batch is lost (observe-ee: an exporter failure of "
                + "OpenTelemetry Java before 1.34, " + UPSTREAM_ISSUE + ")");
        record.setLoggerName(exporter);
        Logger.getLogger(exporter).log(record);
    }

    /** The throwable and its causes as {@code type: message}, joined by " caused by ". */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 5; depth++) {
            if (depth > 0) {
                text.append(" caused by ");
            }
            text.append(current.getClass().getName());
            String message = safeMessage(current);
            if (message != null && !message.equals(String.valueOf(current.getCause()))) {
                text.append(": ").append(message);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return text.toString();
    }

    private static String safeMessage(Throwable failure) {
        try {
            return failure.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            return "[message unavailable: " + e.getClass().getName() + "]";
        }
    }

    /** What the JVM would have done without this handler. */
    private void handOn(Thread thread, Throwable failure) {
        Thread.UncaughtExceptionHandler next = previous;
        if (next != null) {
            next.uncaughtException(thread, failure);
            return;
        }
        // java.lang.ThreadGroup.uncaughtException, once no default handler is set.
        if (failure instanceof ThreadDeath) {
            return;
        }
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        failure.printStackTrace(System.err);
    }
}
