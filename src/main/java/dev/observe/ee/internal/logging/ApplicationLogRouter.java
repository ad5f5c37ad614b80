package dev.observe.ee.internal.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Takes the place of the root logger's handlers while the application is deployed: records logged by the
 * application go to its own handler and only there; every other record goes to the server's handlers, exactly as
 * before.
 *
 * <p>"Logged by the application" means, in this order (issue 11 §7):
 * <ol>
 *   <li>a record made through this application's {@link dev.observe.ee.logging.Log} — a {@link StructuredRecord}
 *       of this copy of observe-ee, whose class only this application's loader has — on whatever thread: a
 *       common-pool thread ({@code CompletableFuture.*Async}, parallel streams) has the system class loader as its
 *       context loader;
 *   <li>any record published on a thread whose context class loader is the application's (or delegates to it):
 *       the application's own code, the libraries in its WAR, and server code running for one of its requests;
 *   <li>on any other thread, a plain JUL record whose logging call was made by a class of the application's
 *       loader (or a loader below it), found by walking the stack past JUL's own frames — how the application's
 *       plain JUL loggers are told on a foreign thread. JUL records carry no class loader, so this is the only
 *       trace of who logged; it costs a short stack walk, only for records of threads that are not the
 *       application's.
 * </ol>
 * Filtering the server's handlers instead would not do: Open Liberty's root handler ignores its filter.
 *
 * <p>OpenTelemetry's exporters report a failing collector here at most once a minute ({@link
 * ExporterMessageThrottle}), whichever side their records go to.
 *
 * <p>Several applications may each install a router; each one removes exactly itself, wherever it ended up in the
 * chain (see {@link #replaceDelegate}).
 */
public final class ApplicationLogRouter extends Handler {

    private final Handler application;
    private final ClassLoader applicationLoader;
    private final List<Handler> server;
    private final ExporterMessageThrottle exporterMessages = new ExporterMessageThrottle();

    // Decisions per class loader, weakly keyed so that no loader is kept alive by them...
    private final java.util.Map<ClassLoader, Boolean> decisions = new java.util.WeakHashMap<>();
    // ...and a one-entry cache in front: the last context class loader seen with the decision for it.
    // The loader is held weakly: the cache must not keep another, undeployed application's loader alive.
    private volatile Decision last = new Decision(new java.lang.ref.WeakReference<>(null), false);

    private record Decision(java.lang.ref.WeakReference<ClassLoader> loader, boolean application) {
    }

    private static final String OWN_CLASS_FILE = ApplicationLogRouter.class.getName().replace('.', '/') + ".class";

    private final String ownClassFile;

    ApplicationLogRouter(Handler application, ClassLoader applicationLoader, List<Handler> server) {
        this(application, applicationLoader, server, ApplicationLogRouter::jvmStopping);
    }

    private final java.util.function.BooleanSupplier jvmStopping;

    ApplicationLogRouter(Handler application, ClassLoader applicationLoader, List<Handler> server,
            java.util.function.BooleanSupplier jvmStopping) {
        this.jvmStopping = jvmStopping;
        this.application = application;
        this.applicationLoader = applicationLoader;
        java.net.URL own = applicationLoader.getResource(OWN_CLASS_FILE);
        this.ownClassFile = own == null ? null : own.toExternalForm();
        this.server = new CopyOnWriteArrayList<>(server);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !exporterMessages.admit(record)) {
            return;
        }
        if (record instanceof StructuredRecord || isApplications(Thread.currentThread().getContextClassLoader())
                || loggedByApplicationCode()) {
            application.publish(record);
        } else {
            for (Handler handler : server) {
                try {
                    handler.publish(record);
                } catch (RuntimeException e) {
                    reportError("observe-ee: a server log handler failed", e, ErrorManager.WRITE_FAILURE);
                }
            }
        }
    }

    boolean isApplications(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        Decision cached = last;
        if (loader == cached.loader.get()) {
            return cached.application;
        }
        Boolean known;
        synchronized (decisions) {
            known = decisions.get(loader);
        }
        boolean result = known != null ? known : decide(loader);
        if (known == null) {
            synchronized (decisions) {
                decisions.put(loader, result);
            }
        }
        last = new Decision(new java.lang.ref.WeakReference<>(loader), result);
        return result;
    }

    /**
     * The application's loader or one delegating to it: found among the loader's parents, or (for wrappers that
     * delegate without being children, such as Open Liberty's thread context loader) finding this very class file
     * where the application's loader finds it.
     *
     * <p>A resource lookup, not {@code Class.forName}: resolving a class through a foreign loader records that
     * loader in the JVM's dictionary as an initiating loader of the class, an invisible reference that kept an
     * undeployed application's class loader alive on Open Liberty.
     */
    private boolean decide(ClassLoader loader) {
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (current == applicationLoader) {
                return true;
            }
        }
        if (ownClassFile == null) {
            return false;
        }
        try {
            java.net.URL found = loader.getResource(OWN_CLASS_FILE);
            return found != null && ownClassFile.equals(found.toExternalForm());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final java.lang.StackWalker STACK =
            java.lang.StackWalker.getInstance(java.lang.StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** Frames enough to pass JUL's, a bridge's and a server's logging frames; the caller is near the top. */
    private static final int MAX_FRAMES = 64;

    /**
     * Whether the class that made the logging call — the first frame that is neither JUL's nor a logger's or
     * handler's (a server's {@code Logger} subclass, this router) — was loaded by the application's loader or by
     * a loader below it. The strict test, not {@link #decide}'s resource lookup: a server class that merely sees
     * the application's classes did not log for it.
     */
    private boolean loggedByApplicationCode() {
        Class<?> caller;
        try {
            caller = STACK.walk(frames -> frames.limit(MAX_FRAMES).map(java.lang.StackWalker.StackFrame::getDeclaringClass)
                    .filter(type -> !isLoggingMachinery(type)).findFirst().orElse(null));
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
        if (caller == null) {
            return false;
        }
        for (ClassLoader current = caller.getClassLoader(); current != null; current = current.getParent()) {
            if (current == applicationLoader) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoggingMachinery(Class<?> type) {
        return type.getName().startsWith("java.util.logging.") || java.util.logging.Logger.class.isAssignableFrom(type)
                || Handler.class.isAssignableFrom(type);
    }

    /** The server handlers this router stands in for (for diagnostics; the list is a copy). */
    public List<Handler> serverHandlers() {
        return List.copyOf(server);
    }

    /**
     * Replaces {@code old} among this router's server handlers by {@code replacements}; returns whether it was
     * there. Public so that another application's copy of observe-ee, loaded by another class loader, can remove
     * its own router from this one's chain through reflection.
     */
    public boolean replaceDelegate(Handler old, Handler[] replacements) {
        int index = server.indexOf(old);
        if (index < 0) {
            return false;
        }
        server.remove(index);
        server.addAll(index, List.of(replacements));
        return true;
    }

    @Override
    public void flush() {
        application.flush();
        server.forEach(Handler::flush);
    }

    /**
     * Closes nothing: the server's handlers belong to the server, the application's to its installation.
     *
     * <p>When the JVM is stopping, puts this router back on the root logger. On SIGTERM (every Kubernetes stop) the
     * JDK's {@code LogManager.Cleaner} shutdown hook resets JUL — removes and closes the root logger's handlers —
     * while the server's own shutdown hook is still undeploying: the lines of the application's {@code @PreDestroy}
     * methods and shutdown observers would reach no handler. Shutdown hooks run in no fixed order (the same loss
     * in Jenkins' Winstone: https://github.com/jenkinsci/winstone/issues/219), so the router stays until the
     * application's own uninstall removes it. A reset at any other time (a server re-reading its logging
     * configuration) is left to do what it does.
     */
    @Override
    public void close() {
        flush();
        if (jvmStopping.getAsBoolean()) {
            java.util.logging.Logger.getLogger("").addHandler(this);
        }
    }

    /** Whether the JVM has begun running its shutdown hooks: it then refuses new ones. */
    private static boolean jvmStopping() {
        Thread probe = new Thread(() -> {
        }, "observe-ee-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
        } catch (IllegalStateException stopping) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
        Runtime.getRuntime().removeShutdownHook(probe);
        return false;
    }
}
