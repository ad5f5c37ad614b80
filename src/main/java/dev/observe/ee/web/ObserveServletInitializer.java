package dev.observe.ee.web;

import dev.observe.ee.telemetry.ExcludedPaths;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Registers {@link RequestContextServletFilter} for every request of the application. A container initializer
 * (listed in {@code META-INF/services}) rather than {@code @WebFilter}: it runs even when the application's
 * {@code web.xml} is {@code metadata-complete}, and the filter is added before the application's own filters.
 */
public final class ObserveServletInitializer implements ServletContainerInitializer {

    static final String FILTER_NAME = "observe-ee-request-context";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        ExcludedPaths.useContextPath(context.getContextPath());
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, RequestContextServletFilter.class);
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
    }
}
