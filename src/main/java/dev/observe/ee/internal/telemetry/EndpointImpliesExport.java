package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.config.OpenTelemetryDefaults;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * The guide's "export if an endpoint is configured, skip otherwise": where an exporter key has only observe-ee's
 * default ({@code none}) and an OTLP endpoint is configured for that signal, the signal is exported over OTLP.
 * So {@code OTEL_EXPORTER_OTLP_ENDPOINT} alone turns export on, as it does in the guide, while an application that
 * configured nothing still sends nothing anywhere. An exporter anyone set explicitly, {@code none} included, stays.
 *
 * <p>Part of the library's internals, public only for the CDI extension.
 */
public final class EndpointImpliesExport implements Function<ConfigProperties, Map<String, String>> {

    private static final String[] SIGNALS = {"traces", "metrics", "logs"};

    private final Predicate<String> onlyDefaulted;

    /** Asks the application's MicroProfile Config which source set a key. */
    EndpointImpliesExport() {
        this(EndpointImpliesExport::setOnlyByObserveDefaults);
    }

    EndpointImpliesExport(Predicate<String> onlyDefaulted) {
        this.onlyDefaulted = onlyDefaulted;
    }

    @Override
    public Map<String, String> apply(ConfigProperties config) {
        Map<String, String> exporters = new HashMap<>();
        for (String signal : SIGNALS) {
            if (turnsOn(signal, config::getString, onlyDefaulted)) {
                exporters.put(exporterKey(signal), "otlp");
            }
        }
        return exporters;
    }

    /**
     * Whether the SDK built from {@code config} exports {@code signal} ("traces", "metrics", "logs") at all: an
     * exporter other than {@code none}, or observe-ee's {@code none} turned into OTLP by a configured endpoint.
     */
    public static boolean exports(String signal, Config config) {
        Function<String, String> value = key -> config.getOptionalValue(key, String.class).orElse(null);
        if ("true".equalsIgnoreCase(value.apply("otel.sdk.disabled"))) {
            return false;
        }
        String exporter = value.apply(exporterKey(signal));
        return exporter != null && !"none".equals(exporter.trim())
                || turnsOn(signal, value, key -> setOnlyByObserveDefaults(config, key));
    }

    private static boolean turnsOn(String signal, Function<String, String> value, Predicate<String> onlyDefaulted) {
        String exporterKey = exporterKey(signal);
        boolean endpoint = isSet(value.apply("otel.exporter.otlp.endpoint"))
                || isSet(value.apply("otel.exporter.otlp." + signal + ".endpoint"));
        return endpoint && "none".equals(value.apply(exporterKey)) && onlyDefaulted.test(exporterKey);
    }

    private static String exporterKey(String signal) {
        return "otel." + signal + ".exporter";
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean setOnlyByObserveDefaults(String key) {
        try {
            return setOnlyByObserveDefaults(ConfigProvider.getConfig(EndpointImpliesExport.class.getClassLoader()),
                    key);
        } catch (RuntimeException unavailable) {
            return false;  // cannot tell: leave what was configured
        }
    }

    private static boolean setOnlyByObserveDefaults(Config config, String key) {
        ConfigValue value = config.getConfigValue(key);
        return OpenTelemetryDefaults.NAME.equals(value.getSourceName());
    }
}
