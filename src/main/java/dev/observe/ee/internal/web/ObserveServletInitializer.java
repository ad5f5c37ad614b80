package dev.observe.ee.internal.web;

import dev.observe.ee.internal.telemetry.ClassVisibility;
import dev.observe.ee.internal.telemetry.DeployedApplication;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import java.util.EnumSet;
import java.util.Set;

/**
 * Registers {@link RequestContextServletFilter} for every request of the application, with the application's one
 * {@link ServerRequests}. A container initializer
 * (listed in {@code META-INF/services}) rather than {@code @WebFilter}: it runs even when the application's
 * {@code web.xml} is {@code metadata-complete}, and the filter is added before the application's own filters.
 */
public final class ObserveServletInitializer implements ServletContainerInitializer {

    static final String FILTER_NAME = "observe-ee-request-context";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        requireOpenTelemetryApi();
        DeployedApplication application = DeployedApplication.current();
        if (!application.enabled()) {
            return;
        }
        application.useContextPath(context.getContextPath());
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME,
                new RequestContextServletFilter(new ServerRequests()));
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
    }

    /**
     * Fails the deployment with a message that says what to do when neither the runtime nor the WAR has the
     * OpenTelemetry API, instead of the class-loading errors (and a silently ignored CDI extension) that follow.
     */
    private static void requireOpenTelemetryApi() throws ServletException {
        if (!ClassVisibility.isVisible(ClassVisibility.OPENTELEMETRY_API)) {
            throw new ServletException("observe-ee needs the OpenTelemetry API, and this runtime has none (no "
                    + "MicroProfile Telemetry): add io.opentelemetry:opentelemetry-sdk-extension-autoconfigure to the "
                    + "WAR, or enable the runtime's MicroProfile Telemetry feature; see docs/tracing.md");
        }
    }
}
