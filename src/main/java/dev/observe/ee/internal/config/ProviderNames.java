package dev.observe.ee.internal.config;

import java.util.Set;

/**
 * The names that OpenTelemetry autoconfiguration providers visible to the application register, per kind (for
 * example a {@code ConfigurableSpanExporterProvider} named {@code otlp} or {@code my-exporter}), listed by the
 * telemetry package through {@link java.util.ServiceLoader}; this package references no OpenTelemetry type.
 *
 * @param complete whether these are all the providers the SDK that reads the configuration will load: true where
 *     the SDK is the library's own, built with the application's class loader; false where the runtime builds it
 *     with its own loader, or the providers' interfaces are not visible at all
 */
public record ProviderNames(Set<String> spanExporters, Set<String> metricExporters, Set<String> logExporters,
        Set<String> propagators, Set<String> samplers, boolean complete) {

    /** Nothing listed, so nothing known to be missing. */
    public static final ProviderNames NONE = new ProviderNames(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            false);

    public ProviderNames {
        spanExporters = Set.copyOf(spanExporters);
        metricExporters = Set.copyOf(metricExporters);
        logExporters = Set.copyOf(logExporters);
        propagators = Set.copyOf(propagators);
        samplers = Set.copyOf(samplers);
    }
}
