package dev.observe.ee.internal.config;

import dev.observe.ee.internal.config.microprofile.MicroProfileConfigValues;
import dev.observe.ee.internal.config.microprofile.OpenTelemetryDefaults;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** A MicroProfile Config over a map, with the spec's comma splitting for lists: enough for parsing tests. */
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

    /** Marks {@code keys} as set by observe-ee's own defaults ({@link OpenTelemetryDefaults}), as their source. */
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

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        String value = values.get(name);
        String source = fromObserveDefaults.contains(name) ? OpenTelemetryDefaults.NAME : "MapConfig";
        return new ConfigValue() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public String getValue() {
                return value;
            }

            @Override
            public String getRawValue() {
                return value;
            }

            @Override
            public String getSourceName() {
                return value == null ? null : source;
            }

            @Override
            public int getSourceOrdinal() {
                return 0;
            }
        };
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public <T> Optional<List<T>> getOptionalValues(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name))
                .map(value -> Arrays.stream(value.split("(?<!\\\\),")).map(item -> item.replace("\\,", ","))
                        .map(type::cast).toList());
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
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
