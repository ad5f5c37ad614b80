package dev.observe.ee.internal.config;

import java.util.Optional;
import java.util.Set;

/**
 * Where configuration values come from, key by key: the application's MicroProfile Config
 * ({@link dev.observe.ee.internal.config.microprofile.MicroProfileConfigValues}) or, for a formatter JUL created, the logging properties. {@link ConfigReader}
 * parses and checks whatever this returns, so both sources have the same bounds and the same messages.
 *
 * <p>Deliberately JDK-only: in server-wide mode this package sits on a server's boot class path, where there is no
 * MicroProfile Config.
 */
@FunctionalInterface
public interface ConfigValues {

    /** MicroProfile Config's key for the active profile, whose {@code %profile.} keys win within a source. */
    String PROFILE = "mp.config.profile";

    /**
     * The raw value of {@code key}, empty when nothing sets it.
     *
     * @throws RuntimeException when the source cannot produce it; the reader reports that as a problem of the key
     */
    Optional<String> value(String key);

    /** Every key this source can list (a source that cannot list keys, such as JUL's, lists none). */
    default Set<String> names() {
        return Set.of();
    }

    /** The active configuration profile ({@code dev}, {@code prod}), or null. */
    default String profile() {
        return null;
    }

    /**
     * Whether {@code key} has a value only from observe-ee's own defaults ({@link dev.observe.ee.internal.config.microprofile.OpenTelemetryDefaults}), not from
     * anything the application or its operators set.
     */
    default boolean setOnlyByObserveDefaults(String key) {
        return false;
    }
}
