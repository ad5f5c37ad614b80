package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.config.OpenTelemetrySettingsCheck;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigurablePropagatorProvider;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;

import java.util.HashSet;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

/**
 * The exporter, propagator and sampler names that OpenTelemetry autoconfiguration extensions visible to the
 * application add, so that validating {@code otel.traces.exporter=my-exporter} does not reject them.
 */
public final class ExtensionNames {

    private ExtensionNames() {
    }

    public static OpenTelemetrySettingsCheck.Extensions visibleTo(ClassLoader loader) {
        try {
            return new OpenTelemetrySettingsCheck.Extensions(
                    names(ConfigurableSpanExporterProvider.class, ConfigurableSpanExporterProvider::getName, loader),
                    names(ConfigurableMetricExporterProvider.class, ConfigurableMetricExporterProvider::getName,
                            loader),
                    names(ConfigurableLogRecordExporterProvider.class, ConfigurableLogRecordExporterProvider::getName,
                            loader),
                    names(ConfigurablePropagatorProvider.class, ConfigurablePropagatorProvider::getName, loader),
                    names(ConfigurableSamplerProvider.class, ConfigurableSamplerProvider::getName, loader));
        } catch (LinkageError | RuntimeException notVisible) {
            return OpenTelemetrySettingsCheck.Extensions.NONE;
        }
    }

    private static <T> Set<String> names(Class<T> type, Function<T, String> name, ClassLoader loader) {
        Set<String> names = new HashSet<>();
        Iterator<T> providers = ServiceLoader.load(type, loader).iterator();
        // ServiceLoader goes on to the next provider after a broken one on a best-effort basis: bounded, in case
        // it does not.
        for (int broken = 0; broken < 64; ) {
            try {
                if (!providers.hasNext()) {
                    return names;
                }
                names.add(name.apply(providers.next()));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError unloadable) {
                // A provider listed but not loadable from the application (Open Liberty lists its own exporters'
                // service files to applications, not their classes): the SDK's to report, not ours.
                broken++;
            }
        }
        return names;
    }
}
