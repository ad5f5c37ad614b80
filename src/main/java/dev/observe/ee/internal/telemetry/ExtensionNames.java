package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.config.ProviderNames;

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
 * The exporter, propagator and sampler names that OpenTelemetry's autoconfiguration providers visible to the
 * application register (OpenTelemetry's own exporters and propagators are such providers too, as are an
 * application's), so that the configuration check accepts {@code otel.traces.exporter=my-exporter} and, where the
 * SDK is the library's own, rejects a name no provider serves.
 */
final class ExtensionNames {

    private ExtensionNames() {
    }

    /**
     * @param ownSdk whether the SDK that reads the configuration is the library's own, built with {@code loader}:
     *     then the names listed are all it will accept
     */
    static ProviderNames visibleTo(ClassLoader loader, boolean ownSdk) {
        try {
            return new ProviderNames(
                    names(ConfigurableSpanExporterProvider.class, ConfigurableSpanExporterProvider::getName, loader),
                    names(ConfigurableMetricExporterProvider.class, ConfigurableMetricExporterProvider::getName,
                            loader),
                    names(ConfigurableLogRecordExporterProvider.class, ConfigurableLogRecordExporterProvider::getName,
                            loader),
                    names(ConfigurablePropagatorProvider.class, ConfigurablePropagatorProvider::getName, loader),
                    names(ConfigurableSamplerProvider.class, ConfigurableSamplerProvider::getName, loader),
                    ownSdk);
        } catch (LinkageError | RuntimeException notVisible) {
            return ProviderNames.NONE;
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
