package dev.observe.ee.internal.config;

import java.util.List;
import java.util.Optional;

/**
 * All of an application's configuration the library uses, read once through one {@link ConfigReader}: the
 * {@code observe.*} keys, the {@code otel.*} view and its check. Every problem of every key group is collected
 * into one list, so that one failed deployment names them all; each setting with a problem holds its default
 * meanwhile, so that code which must not fail (the SDK's customizers) can still use the object. Immutable.
 */
public final class ObserveConfiguration {

    /**
     * {@code observe.enabled}: {@code false} leaves the jar in the WAR and switches the library off: no filter,
     * interceptor, log handler or SDK customizer of its own runs, so that a request costs what it costs without the
     * library (docs/configuration.md).
     */
    public static final String ENABLED = "observe.enabled";

    private final boolean enabled;
    private final LogSettings log;
    private final TracingSettings tracing;
    private final SamplingSettings sampling;
    private final ResourceSettings resource;
    private final OpenTelemetrySettings openTelemetry;
    private final List<String> problems;
    private final List<String> unknownKeys;

    private ObserveConfiguration(boolean enabled, LogSettings log, TracingSettings tracing,
            SamplingSettings sampling, ResourceSettings resource, OpenTelemetrySettings openTelemetry,
            List<String> problems, List<String> unknownKeys) {
        this.enabled = enabled;
        this.log = log;
        this.tracing = tracing;
        this.sampling = sampling;
        this.resource = resource;
        this.openTelemetry = openTelemetry;
        this.problems = List.copyOf(problems);
        this.unknownKeys = List.copyOf(unknownKeys);
    }

    /**
     * Reads and checks everything. Never throws: a value that cannot be read or used is one of
     * {@link #problems()}.
     *
     * @param providers the OpenTelemetry provider names visible to the application
     * @param applicationName the application's name, the default service name; or null
     * @param colorTerminal whether standard output is a terminal, the default of {@code observe.log.color}
     */
    public static ObserveConfiguration read(ConfigValues values, ProviderNames providers, String applicationName,
            boolean colorTerminal) {
        return read(new ConfigReader(values), providers, applicationName, colorTerminal, List.of());
    }

    /**
     * The defaults, with one problem: the application's configuration itself cannot be had ({@code why}), for
     * example when the runtime has no MicroProfile Config for the deploying thread.
     */
    public static ObserveConfiguration unreadable(String why, String applicationName, boolean colorTerminal) {
        return read(new ConfigReader(key -> Optional.empty()), ProviderNames.NONE, applicationName, colorTerminal,
                List.of("the application's MicroProfile Config cannot be read (" + ConfigReader.shown(why) + ")"));
    }

    private static ObserveConfiguration read(ConfigReader reader, ProviderNames providers, String applicationName,
            boolean colorTerminal, List<String> unreadable) {
        boolean enabled = reader.bool(ENABLED).orElse(true);
        LogSettings log = LogSettings.read(reader, applicationName, colorTerminal);
        TracingSettings tracing = TracingSettings.read(reader);
        SamplingSettings sampling = SamplingSettings.read(reader);
        ResourceSettings resource = ResourceSettings.read(reader);
        OpenTelemetrySettings openTelemetry = OpenTelemetrySettings.read(reader);
        OpenTelemetrySettingsCheck.check(reader, providers);
        List<String> unknownKeys = UnknownKeys.warnings(reader);
        List<String> problems = new java.util.ArrayList<>(unreadable);
        problems.addAll(reader.problems());
        return new ObserveConfiguration(enabled, log, tracing, sampling, resource, openTelemetry, problems,
                unknownKeys);
    }

    /** Whether the library is switched on ({@link #ENABLED}, default true). */
    public boolean enabled() {
        return enabled;
    }

    public LogSettings log() {
        return log;
    }

    public TracingSettings tracing() {
        return tracing;
    }

    public SamplingSettings sampling() {
        return sampling;
    }

    public ResourceSettings resource() {
        return resource;
    }

    public OpenTelemetrySettings openTelemetry() {
        return openTelemetry;
    }

    /** One line per bad value: key, value (control characters escaped, secrets not shown) and what is allowed. */
    public List<String> problems() {
        return problems;
    }

    /** The exception a deployment fails with, naming every problem; empty when there is none. */
    public Optional<InvalidConfigurationException> invalid() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(new InvalidConfigurationException(problems));
    }

    /** One warning per unknown {@code observe.*} key, with the closest known key. */
    public List<String> unknownKeys() {
        return unknownKeys;
    }
}
