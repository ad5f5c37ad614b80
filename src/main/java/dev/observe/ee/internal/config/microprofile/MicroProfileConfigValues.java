package dev.observe.ee.internal.config.microprofile;

import dev.observe.ee.internal.config.ConfigValues;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * The application's MicroProfile Config as {@link ConfigValues}. One of the two classes of observe-ee that need
 * MicroProfile Config on the class path besides the config source {@link OpenTelemetryDefaults}: it is loaded on
 * the application's path only, never by the server-wide formatter.
 *
 * <p>Profiles are resolved here: {@code %profile.key} first, then {@code key}. MicroProfile Config implementations
 * resolve profiles themselves, but not all of them honour a profile set in the application's own properties file;
 * doing it here gives the same answer everywhere. (Which source wins when a plain key of a higher ordinal meets a
 * profiled key of a lower one is MicroProfile Config's rule to follow, per source; this class is the one place
 * that decides it.)
 */
public final class MicroProfileConfigValues implements ConfigValues {

    // Not thread-safe: one instance serves one reading of the configuration, at deployment.

    private final Config config;
    private String profilePrefix;
    private boolean profileRead;
    private RuntimeException profileUnreadable;

    public MicroProfileConfigValues(Config config) {
        this.config = config;
    }

    @Override
    public Optional<String> value(String key) {
        String prefix = profilePrefix();
        Optional<String> value = Optional.empty();
        if (prefix != null) {
            value = config.getOptionalValue(prefix + key, String.class);
        }
        return value.isPresent() ? value : config.getOptionalValue(key, String.class);
    }

    /** Every property name, with the active profile's {@code %profile.} prefix removed; other profiles' left out. */
    @Override
    public Set<String> names() {
        String prefix = profilePrefix();
        Set<String> names = new LinkedHashSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("%")) {
                if (prefix != null && name.startsWith(prefix)) {
                    names.add(name.substring(prefix.length()));
                }
            } else {
                names.add(name);
            }
        }
        return names;
    }

    /** @throws RuntimeException when {@code mp.config.profile} cannot be read (values are then read unprofiled) */
    @Override
    public String profile() {
        String prefix = profilePrefix();
        if (profileUnreadable != null) {
            throw profileUnreadable;
        }
        return prefix == null ? null : prefix.substring(1, prefix.length() - 1);
    }

    @Override
    public boolean setOnlyByObserveDefaults(String key) {
        ConfigValue value = config.getConfigValue(key);
        return value != null && OpenTelemetryDefaults.NAME.equals(value.getSourceName());
    }

    /**
     * {@code %<profile>.}, or null without a profile. Read once: a profile that cannot be read is one problem
     * ({@link #profile()} throws it), not one per key.
     */
    private String profilePrefix() {
        if (!profileRead) {
            profileRead = true;
            try {
                String profile = config.getOptionalValue(PROFILE, String.class).map(String::trim).orElse("");
                profilePrefix = profile.isEmpty() ? null : "%" + profile + ".";
            } catch (RuntimeException e) {
                profileUnreadable = e;
            }
        }
        return profilePrefix;
    }
}
