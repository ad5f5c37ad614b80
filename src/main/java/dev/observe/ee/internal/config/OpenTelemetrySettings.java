package dev.observe.ee.internal.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code otel.*} view of the application's configuration that the library needs: every {@code otel.*} key
 * under OpenTelemetry's own name, as the SDK's autoconfiguration reads it, and which signals are exported. Like
 * SmallRye OpenTelemetry, the library forwards every key rather than a list of the keys it knows about.
 */
public final class OpenTelemetrySettings {

    static final String SDK_DISABLED = "otel.sdk.disabled";
    private static final List<String> SIGNALS = List.of("traces", "metrics", "logs");

    private final Map<String, String> properties;
    private final Set<String> exportersOnlyDefaulted;

    private OpenTelemetrySettings(Map<String, String> properties, Set<String> exportersOnlyDefaulted) {
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.exportersOnlyDefaulted = Set.copyOf(exportersOnlyDefaulted);
    }

    /**
     * Collects every {@code otel.*} key the configuration lists. Environment variables reach MicroProfile Config
     * under their own names ({@code OTEL_EXPORTER_OTLP_ENDPOINT}) and are found by key only: each listed
     * {@code OTEL_*} name is turned into the key OpenTelemetry's autoconfiguration makes of it (lower case,
     * {@code _} to {@code .}) and asked for by that key, so that MicroProfile Config's precedence decides between
     * a file's key and the environment variable.
     */
    static OpenTelemetrySettings read(ConfigReader reader) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : reader.propertyNames()) {
            String key = openTelemetryKey(name);
            if (key != null && !properties.containsKey(key)) {
                reader.string(key).or(() -> key.equals(name) ? Optional.empty() : reader.string(name))
                        .ifPresent(value -> properties.put(key, value));
            }
        }
        // The keys this view decides on are asked for by key as well: MicroProfile Config does not require a
        // config source to list every name it can answer for.
        for (String key : decidingKeys()) {
            if (!properties.containsKey(key)) {
                reader.string(key).ifPresent(value -> properties.put(key, value));
            }
        }
        Set<String> onlyDefaulted = new LinkedHashSet<>();
        for (String signal : SIGNALS) {
            if (reader.setOnlyByObserveDefaults(exporterKey(signal))) {
                onlyDefaulted.add(exporterKey(signal));
            }
        }
        return new OpenTelemetrySettings(properties, onlyDefaulted);
    }

    private static List<String> decidingKeys() {
        List<String> keys = new java.util.ArrayList<>(List.of(SDK_DISABLED, "otel.exporter.otlp.endpoint"));
        for (String signal : SIGNALS) {
            keys.add(exporterKey(signal));
            keys.add("otel.exporter.otlp." + signal + ".endpoint");
        }
        return keys;
    }

    /** OpenTelemetry's key for a configuration name: {@code otel.*} as is, {@code OTEL_*} mapped; else null. */
    static String openTelemetryKey(String name) {
        if (name.startsWith("otel.")) {
            return name;
        }
        if (name.regionMatches(true, 0, "otel_", 0, 5) && name.indexOf('.') < 0) {
            return name.toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
    }

    /** Every {@code otel.*} key the application's configuration has, for the SDK's autoconfiguration. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Whether {@code otel.sdk.disabled=true} asks for no SDK at all. */
    public boolean sdkDisabled() {
        return "true".equalsIgnoreCase(properties.get(SDK_DISABLED));
    }

    /**
     * Whether the SDK built from this configuration exports {@code signal} ("traces", "metrics", "logs") at all: an
     * exporter other than {@code none}, or observe-ee's {@code none} turned into OTLP by a configured endpoint.
     */
    public boolean exports(String signal) {
        if (sdkDisabled()) {
            return false;
        }
        String exporter = properties.get(exporterKey(signal));
        return exporter != null && !"none".equals(exporter.trim())
                || endpointTurnsOn(signal, properties::get, exportersOnlyDefaulted::contains);
    }

    /** Whether {@code key} (an exporter key) has only observe-ee's default, which an OTLP endpoint may turn on. */
    public boolean setOnlyByObserveDefaults(String key) {
        return exportersOnlyDefaulted.contains(key);
    }

    /**
     * The guide's "export if an endpoint is configured": the exporter keys an OTLP endpoint turns to {@code otlp},
     * those whose value is observe-ee's default {@code none} ({@code onlyDefaulted}) and whose signal has an
     * endpoint, read through {@code value} (the SDK's own view of the configuration, in its properties customizer).
     */
    public static Map<String, String> exportersTurnedOn(Function<String, String> value,
            Predicate<String> onlyDefaulted) {
        Map<String, String> exporters = new LinkedHashMap<>();
        for (String signal : SIGNALS) {
            if (endpointTurnsOn(signal, value, onlyDefaulted)) {
                exporters.put(exporterKey(signal), "otlp");
            }
        }
        return exporters;
    }

    private static boolean endpointTurnsOn(String signal, Function<String, String> value,
            Predicate<String> onlyDefaulted) {
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
}
