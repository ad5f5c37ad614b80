package dev.observe.ee.internal.logging;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The application's logging, installed when it deploys and removed when it undeploys: an {@link
 * ApplicationLogRouter} on the root logger in front of the server's handlers, writing the application's records
 * through a {@link StdoutHandler} in the configured {@link LogFormat}, plus the configured category levels.
 * Uninstalling restores the root logger's handlers and every level it changed, and keeps no reference to the
 * application.
 *
 * <p>Part of the library's internals, public only for the CDI extension.
 */
public final class LogInstallation {

    private static final Logger ROOT = Logger.getLogger("");

    private final ApplicationLogRouter router;
    private final StdoutHandler handler;
    // Strong references: JUL holds loggers weakly, and a collected logger would forget the level set on it.
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();

    private LogInstallation(ApplicationLogRouter router, StdoutHandler handler) {
        this.router = router;
        this.handler = handler;
    }

    /**
     * Installs the application's logging. Returns null, installing nothing, when the server already formats every
     * line with observe-ee (server-wide mode, see docs/logging.md): the application's lines are then already ours.
     *
     * @param alsoTo a handler that receives the application's records too (OpenTelemetry's logs API), or null
     */
    public static LogInstallation install(LogFormat format, Map<String, Level> categoryLevels,
            ClassLoader applicationLoader, Handler alsoTo) {
        return install(format, categoryLevels, applicationLoader, alsoTo, null);
    }

    /** As {@link #install(LogFormat, Map, ClassLoader, Handler)}, the lines going to {@code out} (tests), or to
     * standard output where {@code out} is null. */
    static LogInstallation install(LogFormat format, Map<String, Level> categoryLevels,
            ClassLoader applicationLoader, Handler alsoTo, OutputStream out) {
        Handler[] serverHandlers = ROOT.getHandlers();
        if (isServerWide(serverHandlers)) {
            return null;
        }
        LineEncoder encoder = new LineEncoder(format, TraceContext.detect());
        StdoutHandler handler = out == null ? new StdoutHandler(encoder) : new StdoutHandler(encoder, out);
        Handler application = alsoTo == null ? handler : new BothHandlers(handler, alsoTo);
        ApplicationLogRouter router = new ApplicationLogRouter(application, applicationLoader,
                List.of(serverHandlers));
        LogInstallation installation = new LogInstallation(router, handler);
        // Add first, then remove: for an instant a server line may be printed twice, but none is lost.
        ROOT.addHandler(router);
        for (Handler server : serverHandlers) {
            ROOT.removeHandler(server);
        }
        categoryLevels.forEach((category, level) -> {
            Logger logger = Logger.getLogger(category);
            installation.previousLevels.put(logger, logger.getLevel());
            logger.setLevel(level);
        });
        return installation;
    }

    /** Puts everything back as it was before {@link #install}. Never throws. */
    public void uninstall() {
        previousLevels.forEach(Logger::setLevel);
        previousLevels.clear();
        List<Handler> serverHandlers = router.serverHandlers();
        List<Handler> rootHandlers = List.of(ROOT.getHandlers());
        if (rootHandlers.contains(router)) {
            for (Handler server : serverHandlers) {
                ROOT.addHandler(server);
            }
            ROOT.removeHandler(router);
        } else {
            // Another application installed its router after ours and ours now sits among its server handlers.
            for (Handler other : rootHandlers) {
                if (spliceOut(other, serverHandlers)) {
                    break;
                }
            }
        }
        handler.close();
    }

    private boolean spliceOut(Handler other, List<Handler> replacements) {
        if (!other.getClass().getName().equals(ApplicationLogRouter.class.getName())) {
            return false;
        }
        try {
            Method replace = other.getClass().getMethod("replaceDelegate", Handler.class, Handler[].class);
            return (Boolean) replace.invoke(other, router, replacements.toArray(new Handler[0]));
        } catch (ReflectiveOperationException | RuntimeException e) {
            handler.getErrorManager().error("observe-ee could not remove its log router", e, 0);
            return false;
        }
    }

    /** The categories whose level this installation set, for diagnostics. */
    public List<String> categories() {
        List<String> names = new ArrayList<>();
        previousLevels.keySet().forEach(logger -> names.add(logger.getName()));
        return names;
    }

    /**
     * The server's root logger already writes observe-ee lines: its handler is observe-ee's, or uses one of
     * observe-ee's formatters (compared by name: in server-wide mode they may come from the boot class path).
     */
    static boolean isServerWide(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler.getClass().getName().equals(SERVER_WIDE_HANDLER)) {
                return true;
            }
            java.util.logging.Formatter formatter = handler.getFormatter();
            if (formatter != null && SERVER_WIDE_FORMATTERS.contains(formatter.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /** The API's server-wide classes by name (LogInstallationTest checks them against the classes). */
    static final String SERVER_WIDE_HANDLER = "dev.observe.ee.logging.ServerWideLogHandler";
    static final java.util.Set<String> SERVER_WIDE_FORMATTERS = java.util.Set.of(
            "dev.observe.ee.logging.JsonLogFormatter", "dev.observe.ee.logging.ConsoleLogFormatter");

    /** The console line first, then the second destination; neither handler throws (both report their errors). */
    private static final class BothHandlers extends Handler {

        private final Handler first;
        private final Handler second;

        BothHandlers(Handler first, Handler second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void publish(LogRecord record) {
            first.publish(record);
            second.publish(record);
        }

        @Override
        public void flush() {
            first.flush();
            second.flush();
        }

        @Override
        public void close() {
            first.close();
            second.close();
        }
    }
}
