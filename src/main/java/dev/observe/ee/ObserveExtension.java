package dev.observe.ee;

import dev.observe.ee.config.InvalidConfigurationException;
import dev.observe.ee.config.LogSettings;
import dev.observe.ee.config.TracingSettings;
import dev.observe.ee.logging.LogInstallation;
import dev.observe.ee.telemetry.ExcludedPaths;
import dev.observe.ee.tracing.ContextCarryingEvent;
import dev.observe.ee.tracing.TracedInterceptor;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one entry point the CDI container sees: registered in {@code META-INF/services}, it adds the library's beans
 * and interceptors to the application, validates the {@code observe.*} configuration and installs the
 * application's logging when it deploys, and removes that logging when it undeploys.
 *
 * <p>The jar deliberately carries no {@code beans.xml}: it is not a bean archive, so nothing in it becomes a bean
 * by accident of scanning. Every type the container must manage is named here, once.
 */
public final class ObserveExtension implements Extension {

    private LogInstallation logging;

    void registerTypes(@Observes BeforeBeanDiscovery discovery, BeanManager beanManager) {
        discovery.addAnnotatedType(beanManager.createAnnotatedType(TracedInterceptor.class),
                TracedInterceptor.class.getName());
        discovery.addAnnotatedType(beanManager.createAnnotatedType(ContextCarryingEvent.class),
                ContextCarryingEvent.class.getName());
    }

    void configure(@Observes AfterDeploymentValidation validation) {
        ClassLoader application = ObserveExtension.class.getClassLoader();
        try {
            ExcludedPaths.usePatterns(TracingSettings.read(ConfigProvider.getConfig()).excludePaths());
        } catch (InvalidConfigurationException e) {
            validation.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
        }
        try {
            // The application's own Config, as the runtime registered it for the deployment's context class loader:
            // asking for one by another loader would make the runtime create (and keep) a second one.
            LogSettings settings = LogSettings.read(ConfigProvider.getConfig(), applicationName(),
                    System.console() != null);
            if (settings.enabled()) {
                logging = LogInstallation.install(settings.format(), settings.categoryLevels(), application);
            }
        } catch (InvalidConfigurationException e) {
            validation.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
        }
    }

    void uninstallLogging(@Observes BeforeShutdown shutdown) {
        if (logging != null) {
            logging.uninstall();
            logging = null;
        }
    }

    /** The application's name as the server knows it (the WAR's name, by default), or null. */
    private static String applicationName() {
        InitialContext context = null;
        try {
            context = new InitialContext();
            Object name = context.lookup("java:app/AppName");
            return name instanceof String text && !text.isBlank() ? text : null;
        } catch (NamingException | RuntimeException e) {
            return null;
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException e) {
                    // nothing held that matters
                }
            }
        }
    }
}
