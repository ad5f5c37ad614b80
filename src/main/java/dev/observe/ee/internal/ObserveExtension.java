package dev.observe.ee.internal;

import dev.observe.ee.internal.config.InvalidConfigurationException;
import dev.observe.ee.internal.config.LogSettings;
import dev.observe.ee.internal.config.ObserveConfiguration;
import dev.observe.ee.internal.context.ContextCarryingEvent;
import dev.observe.ee.internal.logging.LogFormat;
import dev.observe.ee.internal.logging.LogInstallation;
import dev.observe.ee.internal.logging.OpenTelemetryLogHandler;
import dev.observe.ee.internal.telemetry.ApplicationName;
import dev.observe.ee.internal.telemetry.ClassVisibility;
import dev.observe.ee.internal.telemetry.DeployedApplication;
import dev.observe.ee.internal.telemetry.ExporterThreadFailures;
import dev.observe.ee.internal.telemetry.LibrarySdk;
import dev.observe.ee.internal.tracing.TracedSupport;
import dev.observe.ee.internal.tracing.WithSpanSupport;
import dev.observe.ee.internal.web.ResourceMethods;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one entry point the CDI container sees: registered in {@code META-INF/services}, it adds the library's beans
 * and interceptors to the application, validates the {@code observe.*} configuration and installs the
 * application's logging when it deploys, and removes that logging when it undeploys.
 *
 * <p>The jar deliberately carries no {@code beans.xml}: it is not a bean archive, so nothing in it becomes a bean
 * by accident of scanning. Every type the container must manage is named here, once.
 */
public final class ObserveExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(ObserveExtension.class.getName());

    private LogInstallation logging;
    private LibrarySdk librarySdk;
    private ExporterThreadFailures exporterThreadFailures;

    void registerTypes(@Observes BeforeBeanDiscovery discovery) {
        if (!enabled()) {
            // observe.enabled=false: no interceptor, decorator or bean of the library's; @Traced is then inert.
            return;
        }
        // Each package registers its own container types, so that they can stay package-private.
        TracedSupport.register(discovery);
        ContextCarryingEvent.register(discovery);
        ResourceMethods.register(discovery);
        // A runtime with MicroProfile Telemetry serves @WithSpan itself; serving it too would make two spans.
        if (!DeployedApplication.runtimeProvided() && ClassVisibility.isVisible(ClassVisibility.WITH_SPAN)) {
            WithSpanSupport.register(discovery);
        }
    }

    /** Records an exception a JAX-RS resource method throws on the request's SERVER span (see the web package). */
    <T> void bindResourceMethods(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> type) {
        if (enabled()) {
            ResourceMethods.bindInterceptor(type);
        }
    }

    /** {@code observe.enabled}: whether the library does anything for the application beyond checking its keys. */
    private static boolean enabled() {
        return application().configuration().enabled();
    }

    /**
     * Fails the deployment when the application's configuration, {@code observe.*} and {@code otel.*}, has a bad
     * value (every bad key of every kind in one message, so that one failed deployment shows them all); else warns
     * about unknown {@code observe.*} keys and, on a runtime without MicroProfile Telemetry, builds the SDK. One
     * observer, so that the order matters visibly: the configuration is checked before the SDK is built from it,
     * so that a bad value is reported by name rather than as the SDK's exception. The configuration is the
     * application's one object ({@link DeployedApplication#configuration()}): on Open Liberty the SDK's customizer
     * read it already, on Payara Micro this is the first read and the customizer gets the same object later.
     */
    void afterBeanDiscovery(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_BEFORE)
            AfterBeanDiscovery discovery) {
        ObserveConfiguration configuration = application().configuration();
        List<String> problems = new ArrayList<>(configuration.problems());
        // The field names a rename may take are the log line's to know, not the configuration's (JDK only).
        problems.addAll(LogFormat.from(configuration.log()).problems());
        if (!problems.isEmpty()) {
            InvalidConfigurationException invalid = new InvalidConfigurationException(problems);
            discovery.addDefinitionError(new DeploymentException(invalid.getMessage(), invalid));
            return;
        }
        for (String unknown : configuration.unknownKeys()) {
            LOG.warning(unknown);
        }
        if (!configuration.enabled()) {
            LOG.info("observe-ee is switched off (observe.enabled=false): no request context, spans or log "
                    + "handler of its own");
            if (!DeployedApplication.runtimeProvided()) {
                // The application may still inject OpenTelemetry: a no-op one, as with otel.sdk.disabled=true.
                addOpenTelemetryBeans(discovery, OpenTelemetry.noop());
            }
            return;
        }
        if (!DeployedApplication.runtimeProvided() && provideOpenTelemetry(discovery, configuration)) {
            // The library's SDK exports from now on (a metric reader's first export comes one interval later): the
            // exporters' complaints must meet the application's logging, with its throttle and JSON lines, from
            // the first one. Installed at AfterDeploymentValidation, a collector that failed the first exports
            // was reported in the server's own format, once per exporter (CollectorChaosIT on Liberty).
            installLogging(configuration);
        }
    }

    /**
     * On a runtime without MicroProfile Telemetry, the application's OpenTelemetry (and a Tracer) as the CDI beans
     * that runtime would have provided, backed by the SDK the library builds from the application's
     * {@code otel.*} configuration.
     */
    private boolean provideOpenTelemetry(AfterBeanDiscovery discovery, ObserveConfiguration configuration) {
        OpenTelemetry openTelemetry;
        try {
            librarySdk = LibrarySdk.start(configuration.openTelemetry(), ObserveExtension.class.getClassLoader(),
                    applicationName());
            openTelemetry = librarySdk == null ? OpenTelemetry.noop() : librarySdk.openTelemetry();
        } catch (LinkageError missing) {
            discovery.addDefinitionError(new DeploymentException("observe-ee: this runtime has no MicroProfile "
                    + "Telemetry, so the application must carry the OpenTelemetry SDK: add "
                    + "io.opentelemetry:opentelemetry-sdk-extension-autoconfigure (and an exporter) to the WAR, "
                    + "or set otel.sdk.disabled=true; see docs/tracing.md. Missing: " + missing.getMessage(),
                    missing));
            return false;
        } catch (RuntimeException invalid) {
            discovery.addDefinitionError(new DeploymentException("observe-ee: the OpenTelemetry SDK could not be "
                    + "configured from the otel.* keys: " + invalid.getMessage(), invalid));
            return false;
        }
        application().useOpenTelemetry(openTelemetry);
        addOpenTelemetryBeans(discovery, openTelemetry);
        return true;
    }

    private static void addOpenTelemetryBeans(AfterBeanDiscovery discovery, OpenTelemetry openTelemetry) {
        String scope = applicationName();
        discovery.addBean().beanClass(ObserveExtension.class).types(OpenTelemetry.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE).scope(Singleton.class)
                .createWith(context -> openTelemetry);
        discovery.addBean().beanClass(ObserveExtension.class).types(Tracer.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE).scope(Singleton.class)
                .createWith(context -> openTelemetry.getTracer(scope == null ? "application" : scope));
    }

    /**
     * After the runtime's own observers of this event ({@code LIBRARY_AFTER}): Payara Micro sets up the
     * application's SDK in one of them ({@code TelemetryCdiExtension.initializeOpenTelemetry}), and a call on its
     * {@code OpenTelemetry} bean before that (the log export asks it for its logs API) left the bean with an SDK
     * other than the one Payara's own spans use: {@code @Traced} spans never reached the exporter while Payara's
     * did. Found as a flaky {@code OtlpExportIT} (the order of observers with equal priorities is the container's
     * choice); running this observer first reproduces it every time.
     */
    void configure(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER)
            AfterDeploymentValidation validation, BeanManager beanManager) {
        if (DeployedApplication.runtimeProvided() && enabled()) {
            useRuntimeOpenTelemetry(beanManager);
            installLogging(application().configuration());
        }
    }

    /**
     * The application's logging, and the catcher of what its exporters throw on their own threads
     * ({@link ExporterThreadFailures}), once the application's OpenTelemetry is known.
     */
    private void installLogging(ObserveConfiguration configuration) {
        LogSettings logSettings = configuration.log();
        if (configuration.invalid().isEmpty() && logSettings.enabled() && logging == null) {
            logging = LogInstallation.install(LogFormat.from(logSettings), logSettings.categoryLevels(),
                    ObserveExtension.class.getClassLoader(), logExport(configuration));
        }
        if (configuration.invalid().isEmpty() && exportsAnything(configuration) && exporterThreadFailures == null) {
            exporterThreadFailures = ExporterThreadFailures.install();
        }
    }

    private static boolean exportsAnything(ObserveConfiguration configuration) {
        return configuration.openTelemetry().exports("traces") || configuration.openTelemetry().exports("metrics")
                || configuration.openTelemetry().exports("logs");
    }

    /**
     * The handler that hands the application's records to OpenTelemetry's logs API, where the SDK exports logs and
     * {@code observe.log.export} allows it; else null.
     */
    private Handler logExport(ObserveConfiguration configuration) {
        try {
            if (configuration.log().export() && configuration.openTelemetry().exports("logs")) {
                return new OpenTelemetryLogHandler(application().openTelemetry().getLogsBridge(),
                        LogFormat.from(configuration.log()));
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "observe-ee: log records are not exported to OpenTelemetry: " + e, e);
        }
        return null;
    }

    /** The runtime's OpenTelemetry bean, for the parts of the library the container does not create. */
    private void useRuntimeOpenTelemetry(BeanManager beanManager) {
        try {
            Instance<OpenTelemetry> bean = beanManager.createInstance().select(OpenTelemetry.class);
            if (bean.isResolvable()) {
                application().useOpenTelemetry(bean.get());
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "observe-ee: no OpenTelemetry bean from the runtime", e);
        }
        application().useOpenTelemetry(GlobalOpenTelemetry.get());
    }

    void shutDown(@Observes BeforeShutdown shutdown) {
        application().undeployed();
        if (librarySdk != null) {
            librarySdk.shutdown();
            librarySdk = null;
        }
        if (exporterThreadFailures != null) {
            exporterThreadFailures.uninstall();
            exporterThreadFailures = null;
        }
        if (logging != null) {
            logging.uninstall();
            logging = null;
        }
    }

    /**
     * The state the library keeps for this application, which the extension fills at deploy and clears at undeploy.
     * Asked for when needed rather than held from construction: constructing the extension must not need the
     * OpenTelemetry API, so that a WAR without it gets the servlet initializer's message.
     */
    private static DeployedApplication application() {
        return DeployedApplication.current();
    }

    /** The application's name as the server knows it (the WAR's name, by default), or null. */
    private static String applicationName() {
        return ApplicationName.lookup();
    }
}
