package dev.observe.ee.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the application's {@code otel.*} values at deployment, so that a bad one fails the deployment with one
 * message naming the key, the value and what is allowed, rather than an SDK exception at first use (or, on some
 * runtimes, a silently disabled SDK). The keys themselves stay OpenTelemetry's: the values are handed on unchanged.
 * Exporter, propagator and sampler names are those OpenTelemetry's autoconfiguration builds in plus those its
 * providers visible to the application register ({@link ProviderNames}).
 */
final class OpenTelemetrySettingsCheck {

    // Names OpenTelemetry's autoconfiguration handles itself, in 1.29 (Payara Micro) as in 1.39 (Open Liberty):
    // TracerProviderConfiguration's sampler switch, PropagatorConfiguration's two W3C propagators and "none", the
    // exporter configurations' "none". They come from no provider, so no ServiceLoader can list them.
    static final Set<String> BUILT_IN_SAMPLERS = Set.of("always_on", "always_off", "traceidratio",
            "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio");
    static final Set<String> BUILT_IN_PROPAGATORS = Set.of("tracecontext", "baggage", "none");
    static final Set<String> BUILT_IN_EXPORTERS = Set.of("none");

    // Names that OpenTelemetry's own modules register through the providers (ConfigurableSpanExporterProvider and
    // its kin: opentelemetry-exporter-otlp, -zipkin, -logging, -logging-otlp, -prometheus, the Jaeger modules,
    // opentelemetry-extension-trace-propagators, the AWS X-Ray propagator). Where MicroProfile Telemetry builds the
    // SDK, the runtime loads them with its own class loader, and the application's ServiceLoader cannot be trusted
    // to list them (Open Liberty lists those service files to applications but not their classes); there they are
    // allowed by name. Where the SDK is the library's own, the providers the application's class loader lists are
    // exactly the ones the SDK can use, and these lists are not consulted.
    static final Set<String> MODULE_SAMPLERS = Set.of("jaeger_remote", "parentbased_jaeger_remote");
    static final Set<String> MODULE_SPAN_EXPORTERS = Set.of("otlp", "zipkin", "jaeger", "logging", "logging-otlp",
            "console");
    static final Set<String> MODULE_METRIC_EXPORTERS = Set.of("otlp", "prometheus", "logging", "logging-otlp",
            "console");
    static final Set<String> MODULE_LOG_EXPORTERS = Set.of("otlp", "logging", "logging-otlp", "console");
    static final Set<String> MODULE_PROPAGATORS = Set.of("b3", "b3multi", "jaeger", "xray", "xray-lambda",
            "ottrace");
    static final Set<String> PROTOCOLS = Set.of("grpc", "http/protobuf", "http/json");

    private static final List<String> SIGNALS = List.of("", ".traces", ".metrics", ".logs");
    private static final Pattern DURATION = Pattern.compile("\\d+\\s*(ms|s|m|h|d)?");

    private OpenTelemetrySettingsCheck() {
    }

    /** Checks the {@code otel.*} values; every problem goes to the reader. */
    static void check(ConfigReader reader, ProviderNames providers) {
        String sampler = reader.string("otel.traces.sampler").map(value -> value.toLowerCase(Locale.ROOT))
                .orElse("parentbased_always_on");
        oneOf(reader, "otel.traces.sampler", sampler, samplers(providers));
        if (sampler.endsWith("traceidratio")) {
            reader.parsed("otel.traces.sampler.arg", SamplingSettings::parseRatio,
                    "a number from 0 to 1 (the share of traces " + sampler + " samples)");
        }
        names(reader, "otel.traces.exporter", allowed(BUILT_IN_EXPORTERS, MODULE_SPAN_EXPORTERS,
                providers.spanExporters(), providers));
        names(reader, "otel.metrics.exporter", allowed(BUILT_IN_EXPORTERS, MODULE_METRIC_EXPORTERS,
                providers.metricExporters(), providers));
        names(reader, "otel.logs.exporter", allowed(BUILT_IN_EXPORTERS, MODULE_LOG_EXPORTERS,
                providers.logExporters(), providers));
        names(reader, "otel.propagators", allowed(BUILT_IN_PROPAGATORS, MODULE_PROPAGATORS,
                providers.propagators(), providers));
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
    }

    private static Set<String> samplers(ProviderNames providers) {
        Set<String> samplers = allowed(BUILT_IN_SAMPLERS, MODULE_SAMPLERS, providers.samplers(), providers);
        // The parent-based variant of the Jaeger remote sampler is built in, on top of the provider's sampler.
        if (providers.samplers().contains("jaeger_remote")) {
            samplers.add("parentbased_jaeger_remote");
        }
        return samplers;
    }

    /** The built-in names, the providers' names, and OpenTelemetry's module names where the providers may be hidden. */
    private static Set<String> allowed(Set<String> builtIn, Set<String> modules, Set<String> provided,
            ProviderNames providers) {
        Set<String> all = new LinkedHashSet<>(builtIn);
        all.addAll(provided);
        if (!providers.complete()) {
            all.addAll(modules);
        }
        return all;
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
}
