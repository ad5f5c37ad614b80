package dev.observe.ee.internal.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A MicroProfile Config over several config sources that resolves a key as MicroProfile Config 3.1 requires and as
 * both runtimes were seen to do (a probe application asking {@code getConfigValue} on Payara Micro 6.2025.10 and
 * Open Liberty 25.0.0.11, with the same file, environment and system properties): the source of the highest
 * ordinal that has the key or its {@code %<profile>.} variant wins, and within that source the profiled one
 * (eclipse/microprofile-config#781, TCK {@code OverrideConfigProfileTest}). A name asked for with the profile's
 * prefix ({@code %prod.key}) is looked up as it stands, source by source, as Payara Micro answers it. The
 * environment source maps names as the specification says: as is, non-alphanumerics to {@code _}, then upper case
 * ({@code %prod.observe.x} → {@code _PROD_OBSERVE_X}).
 */
public final class LayeredConfig implements Config {

    /** MicroProfile Config's ordinals of the standard sources. */
    public static final int FILE = 100;
    public static final int ENVIRONMENT = 300;
    public static final int SYSTEM_PROPERTIES = 400;

    private final List<ConfigSource> sources = new ArrayList<>();

    /** Adds a source of {@code keyValues} pairs. */
    public LayeredConfig source(String name, int ordinal, String... keyValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        sources.add(new MapSource(name, ordinal, values));
        sources.sort(Comparator.comparingInt(ConfigSource::getOrdinal).reversed());
        return this;
    }

    /** The application's {@code META-INF/microprofile-config.properties}. */
    public LayeredConfig file(String... keyValues) {
        return source("microprofile-config.properties", FILE, keyValues);
    }

    /** Environment variables, under their own names ({@code OBSERVE_SAMPLING_RATIO}). */
    public LayeredConfig environment(String... keyValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        sources.add(new EnvironmentSource(values));
        sources.sort(Comparator.comparingInt(ConfigSource::getOrdinal).reversed());
        return this;
    }

    public LayeredConfig systemProperties(String... keyValues) {
        return source("system properties", SYSTEM_PROPERTIES, keyValues);
    }

    /** This configuration as the library reads it. */
    public ConfigValues values() {
        return new dev.observe.ee.internal.config.microprofile.MicroProfileConfigValues(this);
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        String profile = name.equals(ConfigValues.PROFILE) || name.startsWith("%") ? null : profile();
        for (ConfigSource source : sources) {
            if (profile != null) {
                String profiled = source.getValue("%" + profile + "." + name);
                if (profiled != null) {
                    return value("%" + profile + "." + name, profiled, source);
                }
            }
            String plain = source.getValue(name);
            if (plain != null) {
                return value(name, plain, source);
            }
        }
        return value(name, null, null);
    }

    private String profile() {
        String profile = getConfigValue(ConfigValues.PROFILE).getValue();
        return profile == null || profile.isBlank() ? null : profile.trim();
    }

    private static ConfigValue value(String name, String value, ConfigSource source) {
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
                return source == null ? null : source.getName();
            }

            @Override
            public int getSourceOrdinal() {
                return source == null ? 0 : source.getOrdinal();
            }
        };
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        return Optional.ofNullable(getConfigValue(name).getValue()).map(type::cast);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        Set<String> names = new LinkedHashSet<>();
        for (ConfigSource source : sources) {
            names.addAll(source.getPropertyNames());
        }
        return names;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.copyOf(sources);
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException();
    }

    private record MapSource(String name, int ordinal, Map<String, String> values) implements ConfigSource {

        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public String getValue(String propertyName) {
            return values.get(propertyName);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public int getOrdinal() {
            return ordinal;
        }
    }

    private record EnvironmentSource(Map<String, String> variables) implements ConfigSource {

        @Override
        public Set<String> getPropertyNames() {
            return variables.keySet();
        }

        @Override
        public String getValue(String propertyName) {
            String underscored = propertyName.replaceAll("[^A-Za-z0-9]", "_");
            for (String name : List.of(propertyName, underscored, underscored.toUpperCase(Locale.ROOT))) {
                if (variables.containsKey(name)) {
                    return variables.get(name);
                }
            }
            return null;
        }

        @Override
        public String getName() {
            return "environment variables";
        }

        @Override
        public int getOrdinal() {
            return ENVIRONMENT;
        }
    }
}
