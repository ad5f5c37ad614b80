package dev.observe.ee.internal.config.microprofile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

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

    private volatile Set<String> inApplicationFiles;

    @Override
    public Set<String> getPropertyNames() {
        Set<String> names = new HashSet<>();
        for (String name : DEFAULTS.keySet()) {
            if (!setElsewhere(name)) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public String getValue(String propertyName) {
        return DEFAULTS.get(propertyName);
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return NAME;
    }

    private boolean setElsewhere(String name) {
        if (System.getProperty(name) != null) {
            return true;
        }
        // MicroProfile Config's environment variable names for a key: as is, non-alphanumerics to '_', upper case.
        String underscored = name.replaceAll("[^A-Za-z0-9]", "_");
        if (System.getenv(name) != null || System.getenv(underscored) != null
                || System.getenv(underscored.toUpperCase(Locale.ROOT)) != null) {
            return true;
        }
        return namesInApplicationFiles().contains(name);
    }

    /** The keys of every {@code META-INF/microprofile-config.properties} the application's class loader sees. */
    private Set<String> namesInApplicationFiles() {
        Set<String> names = inApplicationFiles;
        if (names == null) {
            names = new HashSet<>();
            try {
                ClassLoader loader = OpenTelemetryDefaults.class.getClassLoader();
                for (URL file : Collections.list(loader.getResources("META-INF/microprofile-config.properties"))) {
                    Properties properties = new Properties();
                    try (InputStream in = file.openStream()) {
                        properties.load(in);
                    }
                    names.addAll(properties.stringPropertyNames());
                }
            } catch (IOException | RuntimeException unreadable) {
                // Listing a default twice is the lesser risk than failing to read: leave the set as read so far.
            }
            inApplicationFiles = names;
        }
        return names;
    }
}
