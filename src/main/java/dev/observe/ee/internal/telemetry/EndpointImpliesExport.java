package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.config.OpenTelemetrySettings;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The guide's "export if an endpoint is configured, skip otherwise", as a properties customizer of the SDK's
 * autoconfiguration: where an exporter key has only observe-ee's default ({@code none}) and an OTLP endpoint is
 * configured for that signal, the signal is exported over OTLP. So {@code OTEL_EXPORTER_OTLP_ENDPOINT} alone turns
 * export on, as it does in the guide, while an application that configured nothing still sends nothing anywhere.
 * An exporter anyone set explicitly, {@code none} included, stays. The rule itself is
 * {@link OpenTelemetrySettings#exportersTurnedOn}, which also answers whether the library exports logs.
 */
final class EndpointImpliesExport implements Function<ConfigProperties, Map<String, String>> {

    private final Predicate<String> onlyDefaulted;

    /** @param onlyDefaulted whether an exporter key has only observe-ee's default, by the application's config */
    EndpointImpliesExport(Predicate<String> onlyDefaulted) {
        this.onlyDefaulted = onlyDefaulted;
    }

    @Override
    public Map<String, String> apply(ConfigProperties config) {
        return OpenTelemetrySettings.exportersTurnedOn(config::getString, onlyDefaulted);
    }
}
