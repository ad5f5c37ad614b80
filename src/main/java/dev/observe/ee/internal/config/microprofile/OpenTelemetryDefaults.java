package dev.observe.ee.internal.config.microprofile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * observe-ee's defaults for the runtime's OpenTelemetry, at ordinal 10, below everything an application or its
 * operators set: a recording SDK, so that requests have spans and logs carry trace ids, and no exporter reaching
 * for a collector nobody configured (the runtimes default to OTLP on localhost). See docs/configuration.md.
 *
 * <p>A config source rather than a properties file because of Payara Micro: it collects the {@code otel.*}
 * names of all config sources into a map that fails on a name listed twice, so a default listed here and the
 * same key in the application's own file ({@code otel.sdk.disabled=false}, as MicroProfile Telemetry's
 * documentation has it) would fail the deployment. This source therefore lists a name only while no other
 * source the library can see sets it: the application's {@code META-INF/microprofile-config.properties}, system
 * properties and environment variables. Its values are still there to be read by name.
 *
 * <p>It also lists the plain name of every {@code otel.*} key set only for the active profile
 * ({@code %prod.otel.exporter.otlp.endpoint} in the application's file or a system property,
 * {@code _PROD_OTEL_EXPORTER_OTLP_ENDPOINT} in the environment). Both runtimes hand their SDK the {@code otel.*}
 * keys their config sources list, each read by its plain name (Payara Micro 6.2025.10: names starting with
 * {@code otel.}; Open Liberty 25.0.0.11: names starting with {@code otel}/{@code OTEL}), so a key only ever listed
 * under its profiled name never reached the SDK. Listed here, it is read by its plain name, and MicroProfile
 * Config's rule gives the profiled value of the higher source; this source's own value for it (ordinal 10, so
 * only ever a fallback) is that same profiled value.
 */
public final class OpenTelemetryDefaults implements ConfigSource {

    static final int ORDINAL = 10;

    /** This source's name, by which the library tells a default from a value someone set. */
    public static final String NAME = "observe-ee OpenTelemetry defaults";

    private static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("otel.sdk.disabled", "false");
        defaults.put("otel.traces.exporter", "none");
        defaults.put("otel.metrics.exporter", "none");
        defaults.put("otel.logs.exporter", "none");
        DEFAULTS = Collections.unmodifiableMap(defaults);
    }

    private static final String PROFILE = "mp.config.profile";

    private final Function<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Supplier<Map<String, String>> applicationFiles;
    private volatile Map<String, String> inApplicationFiles;
    private volatile Map<String, String> profiledOnly;

    public OpenTelemetryDefaults() {
        this(System::getProperty, System.getenv(), OpenTelemetryDefaults::readApplicationFiles);
    }

    /** Over the given system properties, environment and application files' properties, for tests. */
    OpenTelemetryDefaults(Function<String, String> systemProperties, Map<String, String> environment,
            Supplier<Map<String, String>> applicationFiles) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.applicationFiles = applicationFiles;
    }

    @Override
    public Set<String> getPropertyNames() {
        Set<String> names = new HashSet<>();
        for (String name : DEFAULTS.keySet()) {
            if (!setElsewhere(name)) {
                names.add(name);
            }
        }
        for (String name : profiledOnly().keySet()) {
            names.add(name);
        }
        return names;
    }

    @Override
    public String getValue(String propertyName) {
        String value = DEFAULTS.get(propertyName);
        if (value == null && propertyName.startsWith("otel.")) {
            value = profiledOnly().get(propertyName);
        }
        return value;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /**
     * The plain {@code otel.*} keys set only for the active profile, none of them set plainly anywhere this source
     * can see, each with its profiled value from the highest of those sources (system properties, environment,
     * application files). Worked out once: every lookup of an {@code otel.*} key asks this source.
     */
    private Map<String, String> profiledOnly() {
        Map<String, String> known = profiledOnly;
        if (known == null) {
            known = Collections.unmodifiableMap(findProfiledOnly());
            profiledOnly = known;
        }
        return known;
    }

    private Map<String, String> findProfiledOnly() {
        String profile = activeProfile();
        Map<String, String> keys = new LinkedHashMap<>();
        if (profile == null) {
            return keys;
        }
        String prefix = "%" + profile + ".";
        String environmentPrefix = prefix.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        for (Map.Entry<String, String> file : namesInApplicationFiles().entrySet()) {
            addProfiled(keys, file.getKey(), prefix, file.getValue());
        }
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            if (name.startsWith(environmentPrefix) && name.regionMatches(true, environmentPrefix.length(), "OTEL_", 0,
                    5)) {
                String key = name.substring(environmentPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                keys.put(key, variable.getValue());
            }
        }
        for (String key : List.copyOf(keys.keySet())) {
            String fromSystemProperty = systemProperties.apply(prefix + key);
            if (fromSystemProperty != null) {
                keys.put(key, fromSystemProperty);
            }
        }
        keys.keySet().removeIf(key -> DEFAULTS.containsKey(key) || setElsewhere(key));
        return keys;
    }

    private static void addProfiled(Map<String, String> keys, String name, String prefix, String value) {
        if (name.startsWith(prefix) && name.startsWith("otel.", prefix.length())) {
            keys.putIfAbsent(name.substring(prefix.length()), value);
        }
    }

    /** {@code mp.config.profile} as the sources this one can see set it, the highest first. */
    private String activeProfile() {
        String profile = systemProperties.apply(PROFILE);
        if (profile == null) {
            profile = environmentValue(PROFILE);
        }
        if (profile == null) {
            profile = namesInApplicationFiles().get(PROFILE);
        }
        return profile == null || profile.isBlank() ? null : profile.trim();
    }

    private boolean setElsewhere(String name) {
        if (systemProperties.apply(name) != null || environmentValue(name) != null) {
            return true;
        }
        return namesInApplicationFiles().containsKey(name);
    }

    /** MicroProfile Config's environment variable names for a key: as is, non-alphanumerics to '_', upper case. */
    private String environmentValue(String name) {
        String underscored = name.replaceAll("[^A-Za-z0-9]", "_");
        for (String variable : List.of(name, underscored, underscored.toUpperCase(Locale.ROOT))) {
            String value = environment.get(variable);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The properties of the application's files, read once. */
    private Map<String, String> namesInApplicationFiles() {
        Map<String, String> properties = inApplicationFiles;
        if (properties == null) {
            properties = applicationFiles.get();
            inApplicationFiles = properties;
        }
        return properties;
    }

    /** The properties of every {@code META-INF/microprofile-config.properties} the application's class loader sees. */
    private static Map<String, String> readApplicationFiles() {
        Map<String, String> properties = new HashMap<>();
        try {
            ClassLoader loader = OpenTelemetryDefaults.class.getClassLoader();
            for (URL file : Collections.list(loader.getResources("META-INF/microprofile-config.properties"))) {
                Properties read = new Properties();
                try (InputStream in = file.openStream()) {
                    read.load(in);
                }
                for (String name : read.stringPropertyNames()) {
                    properties.putIfAbsent(name, read.getProperty(name));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Listing a default twice is the lesser risk than failing to read: keep what was read so far.
        }
        return properties;
    }
}
