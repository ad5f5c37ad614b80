package dev.observe.ee.internal.config;

import dev.observe.ee.internal.config.microprofile.MicroProfileConfigValues;
import dev.observe.ee.internal.config.microprofile.OpenTelemetryDefaults;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The application's own {@code microprofile-config.properties} as a MicroProfile Config ({@link LayeredConfig}: one
 * file source, profiles resolved as the runtimes do), plus observe-ee's defaults source where a test asks for it:
 * enough for parsing tests.
 */
public final class MapConfig implements Config {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> fromObserveDefaults = new HashSet<>();

    public static MapConfig of(String... keyValues) {
        MapConfig config = new MapConfig();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.values.put(keyValues[i], keyValues[i + 1]);
        }
        return config;
    }

    /** Moves {@code keys} to observe-ee's own defaults source ({@link OpenTelemetryDefaults}, ordinal 10). */
    public MapConfig fromObserveDefaults(String... keys) {
        fromObserveDefaults.addAll(List.of(keys));
        return this;
    }

    /** This configuration as the library reads it. */
    public ConfigValues values() {
        return new MicroProfileConfigValues(this);
    }

    /** What {@code read} makes of this configuration; throws naming every problem, as a deployment fails. */
    <T> T read(Function<ConfigReader, T> read) {
        ConfigReader reader = new ConfigReader(values());
        T result = read.apply(reader);
        reader.failOnProblems();
        return result;
    }

    private LayeredConfig layered() {
        List<String> file = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        values.forEach((key, value) -> {
            List<String> target = fromObserveDefaults.contains(key) ? defaults : file;
            target.add(key);
            target.add(value);
        });
        return new LayeredConfig().file(file.toArray(String[]::new))
                .source(OpenTelemetryDefaults.NAME, 10, defaults.toArray(String[]::new));
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return layered().getValue(name, type);
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        return layered().getConfigValue(name);
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        return layered().getOptionalValue(name, type);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return layered().getPropertyNames();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return layered().getConfigSources();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException();
    }
}
