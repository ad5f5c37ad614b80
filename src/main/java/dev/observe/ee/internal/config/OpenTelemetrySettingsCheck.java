package dev.observe.ee.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

/**
 * Checks the application's {@code otel.*} values at deployment, so that a bad one fails the deployment with one
 * message naming the key, the value and what is allowed, rather than an SDK exception at first use (or, on some
 * runtimes, a silently disabled SDK). The keys themselves stay OpenTelemetry's: the values are handed on unchanged.
 * Exporter, propagator and sampler names that extensions in the application provide are allowed too.
 */
public final class OpenTelemetrySettingsCheck {

    static final Set<String> SAMPLERS = Set.of("always_on", "always_off", "traceidratio", "parentbased_always_on",
            "parentbased_always_off", "parentbased_traceidratio", "jaeger_remote", "parentbased_jaeger_remote");
    static final Set<String> SPAN_EXPORTERS = Set.of("otlp", "zipkin", "jaeger", "logging", "logging-otlp",
            "console", "none");
    static final Set<String> METRIC_EXPORTERS = Set.of("otlp", "prometheus", "logging", "logging-otlp", "console",
            "none");
    static final Set<String> LOG_EXPORTERS = Set.of("otlp", "logging", "logging-otlp", "console", "none");
    static final Set<String> PROPAGATORS = Set.of("tracecontext", "baggage", "b3", "b3multi", "jaeger", "xray",
            "xray-lambda", "ottrace", "none");
    static final Set<String> PROTOCOLS = Set.of("grpc", "http/protobuf", "http/json");

    private static final List<String> SIGNALS = List.of("", ".traces", ".metrics", ".logs");
    private static final Pattern DURATION = Pattern.compile("\\d+\\s*(ms|s|m|h|d)?");

    private OpenTelemetrySettingsCheck() {
    }

    /**
     * Names that extensions visible to the application add (for example a {@code ConfigurableSpanExporterProvider}
     * named {@code my-exporter}), per kind.
     */
    public record Extensions(Set<String> spanExporters, Set<String> metricExporters, Set<String> logExporters,
            Set<String> propagators, Set<String> samplers) {

        public static final Extensions NONE = new Extensions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /**
     * @throws InvalidConfigurationException naming every bad key, its value and what is allowed
     */
    public static void check(Config config, Extensions extensions) {
        ConfigReader reader = new ConfigReader(config);
        String sampler = reader.string("otel.traces.sampler").map(value -> value.toLowerCase(Locale.ROOT))
                .orElse("parentbased_always_on");
        oneOf(reader, "otel.traces.sampler", sampler, union(SAMPLERS, extensions.samplers()));
        if (sampler.endsWith("traceidratio")) {
            reader.parsed("otel.traces.sampler.arg", SamplingSettings::parseRatio,
                    "a number from 0 to 1 (the share of traces " + sampler + " samples)");
        }
        names(reader, "otel.traces.exporter", union(SPAN_EXPORTERS, extensions.spanExporters()));
        names(reader, "otel.metrics.exporter", union(METRIC_EXPORTERS, extensions.metricExporters()));
        names(reader, "otel.logs.exporter", union(LOG_EXPORTERS, extensions.logExporters()));
        names(reader, "otel.propagators", union(PROPAGATORS, extensions.propagators()));
        for (String signal : SIGNALS) {
            String prefix = "otel.exporter.otlp" + signal;
            reader.string(prefix + ".endpoint").ifPresent(endpoint -> {
                if (!isHttpUrl(endpoint)) {
                    reader.problem(prefix + ".endpoint", endpoint,
                            "an http:// or https:// URL with a host, such as http://collector:4317");
                }
            });
            reader.string(prefix + ".protocol").ifPresent(protocol -> oneOf(reader, prefix + ".protocol",
                    protocol, PROTOCOLS));
            duration(reader, prefix + ".timeout");
            reader.string(prefix + ".headers").ifPresent(headers -> {
                if (!areHeaders(headers)) {
                    reader.problem(prefix + ".headers", "(not shown: it may hold a secret)",
                            "name=value pairs separated by commas, such as Authorization=Bearer%20<token>");
                }
            });
        }
        for (String key : List.of("otel.bsp.schedule.delay", "otel.bsp.export.timeout", "otel.metric.export.interval",
                "otel.metric.export.timeout", "otel.blrp.schedule.delay", "otel.blrp.export.timeout")) {
            duration(reader, key);
        }
        reader.failOnProblems();
    }

    private static void oneOf(ConfigReader reader, String key, String value, Set<String> allowed) {
        if (!allowed.contains(value.trim().toLowerCase(Locale.ROOT)) && !allowed.contains(value.trim())) {
            reader.problem(key, value, "one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
    }

    private static void names(ConfigReader reader, String key, Set<String> allowed) {
        for (String name : reader.list(key)) {
            oneOf(reader, key, name, allowed);
        }
    }

    private static void duration(ConfigReader reader, String key) {
        reader.string(key).ifPresent(value -> {
            if (!DURATION.matcher(value.trim().toLowerCase(Locale.ROOT)).matches()) {
                reader.problem(key, value, "a duration of zero or more: milliseconds (10000) or with a unit "
                        + "(500ms, 10s, 1m, 1h, 1d)");
            }
        });
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** OpenTelemetry's {@code otel.exporter.otlp.headers}: {@code name=value} pairs, comma separated. */
    static boolean areHeaders(String value) {
        for (String pair : value.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || pair.substring(0, equals).trim().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> union(Set<String> known, Set<String> extra) {
        Set<String> all = new LinkedHashSet<>(known);
        all.addAll(extra);
        return all;
    }
}
