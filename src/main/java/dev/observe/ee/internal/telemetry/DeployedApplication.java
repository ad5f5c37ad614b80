package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.config.microprofile.MicroProfileConfigValues;
import dev.observe.ee.internal.config.ObserveConfiguration;

import io.opentelemetry.api.OpenTelemetry;

import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application this copy of the library serves, and everything the library keeps for it: its configuration,
 * the OpenTelemetry its telemetry goes through, and the request paths that get no span. The one owner of
 * per-application state. One per application because the library's jar lives in each WAR: this class, and its
 * {@link #current() one instance}, belong to the application's class loader.
 *
 * <p>Lifecycle:
 * <ol>
 *   <li>Deployment. Whoever needs the configuration first reads it through {@link #configuration()}, once; the other
 *       gets the same object. That is the SDK's customizer on Open Liberty (the runtime builds the application's
 *       SDK before the CDI extensions run) and the CDI extension on Payara Micro (its SDK is built in its own
 *       {@code AfterDeploymentValidation} observer, after the extension's {@code AfterBeanDiscovery}). The servlet
 *       initializer sets the context root ({@link #useContextPath}), the CDI extension the OpenTelemetry
 *       ({@link #useOpenTelemetry}).
 *   <li>Requests. {@link #openTelemetry()} and {@link #excludes} are volatile reads; they never throw. Before the
 *       extension has set it, the OpenTelemetry is a no-op one and the default paths are excluded.
 *   <li>Undeployment. {@link #undeployed()} forgets all of it, so nothing the application made is reachable
 *       through the library afterwards.
 * </ol>
 *
 * <p>Thread-safe.
 */
public final class DeployedApplication {

    private static final boolean RUNTIME_PROVIDED = OpenTelemetry.class.getClassLoader()
            != DeployedApplication.class.getClassLoader();

    private static final DeployedApplication CURRENT = new DeployedApplication(DeployedApplication::readConfiguration);

    private final Supplier<ObserveConfiguration> reader;

    private ObserveConfiguration configuration;  // guarded by this
    private volatile OpenTelemetry openTelemetry = OpenTelemetry.noop();
    private volatile ExcludedPaths excludedPaths = ExcludedPaths.DEFAULT;

    /** An application whose configuration {@code reader} reads, when first asked for. */
    DeployedApplication(Supplier<ObserveConfiguration> reader) {
        this.reader = reader;
    }

    /** The application this copy of the library serves. */
    public static DeployedApplication current() {
        return CURRENT;
    }

    /**
     * Whether the runtime provides OpenTelemetry (MicroProfile Telemetry): then the OpenTelemetry API comes from
     * the runtime, not from the application's own {@code WEB-INF/lib} next to this library, and the runtime
     * creates the SERVER spans of JAX-RS requests, the CLIENT spans of JAX-RS client calls and the
     * {@code @WithSpan} spans. Otherwise the library does all three, with the SDK it builds itself. A fact of the
     * class loaders, fixed for the application's life.
     */
    public static boolean runtimeProvided() {
        return RUNTIME_PROVIDED;
    }

    /**
     * The application's configuration, read on the first call and the same object on every later one. Never
     * throws: what cannot be read or used is in {@link ObserveConfiguration#problems()}, which the CDI extension
     * fails the deployment with.
     */
    public synchronized ObserveConfiguration configuration() {
        if (configuration == null) {
            configuration = reader.get();
            excludedPaths = excludedPaths.withPatterns(configuration.tracing().excludePaths());
        }
        return configuration;
    }

    /**
     * Whether the library is switched on for the application ({@code observe.enabled}); asked once per deployment by
     * what registers the library's filters and interceptors, never per request.
     */
    public boolean enabled() {
        return configuration().enabled();
    }

    /** The application's OpenTelemetry: the runtime's, the library's own, or a no-op one outside deployment. */
    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    /** Sets the OpenTelemetry the library's own spans and log export go through; null for a no-op one. */
    public void useOpenTelemetry(OpenTelemetry value) {
        openTelemetry = value == null ? OpenTelemetry.noop() : value;
    }

    /** Sets the application's context root, below which the excluded paths are matched. */
    public synchronized void useContextPath(String contextPath) {
        excludedPaths = excludedPaths.withContextPath(contextPath);
    }

    /**
     * Whether a request for {@code path} (as the server saw it, context root included, query excluded) gets no
     * span ({@code observe.tracing.exclude-paths}).
     */
    public boolean excludes(String path) {
        return excludedPaths.excludes(path);
    }

    /** Forgets the configuration, the OpenTelemetry and the context root: the application is undeployed. */
    public synchronized void undeployed() {
        configuration = null;
        openTelemetry = OpenTelemetry.noop();
        excludedPaths = ExcludedPaths.DEFAULT;
    }

    private static ObserveConfiguration readConfiguration() {
        ClassLoader application = DeployedApplication.class.getClassLoader();
        String name = ApplicationName.lookup();
        boolean terminal = System.console() != null;
        try {
            // The application's own Config, as the runtime registered it for the deployment's context class
            // loader: asking for one by another loader would make the runtime create (and keep) a second one.
            return ObserveConfiguration.read(new MicroProfileConfigValues(ConfigProvider.getConfig()),
                    ExtensionNames.visibleTo(application, !RUNTIME_PROVIDED), name, terminal);
        } catch (RuntimeException | LinkageError unavailable) {
            return ObserveConfiguration.unreadable(unavailable.toString(), name, terminal);
        }
    }
}
