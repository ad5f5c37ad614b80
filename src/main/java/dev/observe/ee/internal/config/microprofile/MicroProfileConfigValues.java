package dev.observe.ee.internal.config.microprofile;

import dev.observe.ee.internal.config.ConfigValues;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * The application's MicroProfile Config as {@link ConfigValues}. One of the two classes of observe-ee that need
 * MicroProfile Config on the class path besides the config source {@link OpenTelemetryDefaults}: it is loaded on
 * the application's path only, never by the server-wide formatter.
 *
 * <p>Every value is the runtime's own answer for the plain key: MicroProfile Config decides between sources and
 * profiles, so an {@code observe.*} key resolves exactly as the application's own keys and the runtime's
 * {@code otel.*} keys do. The rule (eclipse/microprofile-config#781, TCK {@code OverrideConfigProfileTest}): the
 * source of the highest ordinal that has the key or its {@code %<profile>.} variant wins, and within it the profiled
 * one; so {@code OBSERVE_SAMPLING_RATIO} (environment, 300) wins over {@code %prod.observe.sampling.ratio} in the
 * application's file (100). Both runtimes follow it, with the profile set in the environment or in the
 * application's own file (probed with {@code getConfigValue} on Payara Micro 6.2025.10 and Open Liberty
 * 25.0.0.11). Asking for {@code %prod.key} instead, as this class once did, bypasses the rule: Payara Micro answers
 * that name from the highest source that has it, whatever a higher source says for {@code key}.
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
        return config.getOptionalValue(key, String.class);
    }

    /**
     * Every property name under the plain key it configures: the active profile's {@code %<profile>.} names and
     * their environment variable form ({@code _PROD_OTEL_SERVICE_NAME}) without that prefix, other profiles' names
     * left out. Only for listing: values are asked for by the plain key, which the runtime resolves.
     */
    @Override
    public Set<String> names() {
        String prefix = profilePrefix();
        String environmentPrefix = prefix == null ? null
                : prefix.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        Set<String> names = new LinkedHashSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("%")) {
                if (prefix != null && name.startsWith(prefix)) {
                    names.add(name.substring(prefix.length()));
                }
            } else if (environmentPrefix != null && name.startsWith(environmentPrefix)
                    && name.length() > environmentPrefix.length()) {
                names.add(name.substring(environmentPrefix.length()));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    /** @throws RuntimeException when {@code mp.config.profile} cannot be read (values are still the runtime's) */
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
     * {@code %<profile>.}, or null without a profile (for the {@code dev} defaults and for listing names; values are
     * resolved by the runtime). Read once: a profile that cannot be read is one problem
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
