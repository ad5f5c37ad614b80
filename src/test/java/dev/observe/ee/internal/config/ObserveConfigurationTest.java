package dev.observe.ee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObserveConfigurationTest {

    private static ObserveConfiguration read(MapConfig config) {
        return ObserveConfiguration.read(config.values(), ProviderNames.NONE, "shop", false);
    }

    @Test
    void oneMessageNamesTheProblemsOfEveryKeyGroup() {
        ObserveConfiguration configuration = read(MapConfig.of(
                "observe.log.format", "xml",
                "observe.tracing.exclude-paths", "health",
                "observe.sampling.ratio", "2",
                "otel.traces.sampler", "parentbased_traceidratio",
                "otel.traces.sampler.arg", "1.5",
                "otel.exporter.otlp.endpoint", "collector:4317",
                "otel.exporter.otlp.headers", "Bearer top-secret-token"));

        String message = configuration.invalid().orElseThrow().getMessage();
        assertEquals(6, configuration.problems().size(), message);
        assertTrue(message.startsWith("observe-ee configuration is invalid:\n  "), message);
        for (String expected : List.of("observe.log.format='xml' is not allowed; use one of json, console",
                "observe.tracing.exclude-paths='health' is not allowed",
                "observe.sampling.ratio='2' is not allowed; use a number from 0 to 1",
                "otel.traces.sampler.arg='1.5' is not allowed", "otel.exporter.otlp.endpoint='collector:4317'",
                "otel.exporter.otlp.headers='(not shown: it may hold a secret)'")) {
            assertTrue(message.contains(expected), expected + " in " + message);
        }
        assertFalse(message.contains("top-secret-token"), message);
    }

    @Test
    void eachBadValueHoldsItsDefaultMeanwhile() {
        ObserveConfiguration configuration = read(MapConfig.of("observe.log.format", "xml",
                "observe.sampling.ratio", "2", "observe.sampling.keep-slower-than", "2s"));
        assertEquals(LogSettings.Format.JSON, configuration.log().format());
        assertEquals(1.0, configuration.sampling().ratio(), "the customizer keeps everything until it fails");
        assertEquals(Optional.of(java.time.Duration.ofSeconds(2)), configuration.sampling().keepSlowerThan(),
                "good values of the same group are kept");
        assertEquals("shop", configuration.log().service());
    }

    @Test
    void aValidConfigurationHasNoProblemsAndWarnsOfUnknownKeys() {
        ObserveConfiguration configuration = read(MapConfig.of("observe.sampling.rate", "0.1",
                "observe.service.version", "1.4.2"));
        assertEquals(List.of(), configuration.problems());
        assertEquals(Optional.empty(), configuration.invalid());
        assertEquals(List.of("observe-ee: unknown configuration key 'observe.sampling.rate' is ignored; did you mean "
                + "'observe.sampling.ratio'?"), configuration.unknownKeys());
        assertEquals(Optional.of("1.4.2"), configuration.resource().serviceVersion());
    }

    @Test
    void aValueThatCannotBeReadIsAProblemNotAnException() {
        ConfigValues failing = new ConfigValues() {
            @Override
            public Optional<String> value(String key) {
                if (key.equals("observe.log.schema")) {
                    throw new IllegalArgumentException("converter failed");
                }
                return Optional.empty();
            }

            @Override
            public String profile() {
                throw new IllegalStateException("no profile");
            }
        };
        ObserveConfiguration configuration = ObserveConfiguration.read(failing, ProviderNames.NONE, null, false);
        assertEquals(List.of("mp.config.profile: cannot be read (no profile)",
                "observe.log.schema: cannot be read (converter failed)"), configuration.problems());
    }

    @Test
    void anUnreadableConfigurationIsOneProblemWithDefaults() {
        ObserveConfiguration configuration = ObserveConfiguration.unreadable("IllegalStateException: no Config",
                "shop", false);
        assertEquals(List.of("the application's MicroProfile Config cannot be read (IllegalStateException: no "
                + "Config)"), configuration.problems());
        assertEquals(1.0, configuration.sampling().ratio());
        assertTrue(configuration.log().enabled());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "otel.exporter.otlp.endpoint|true|true|true",
        "otel.exporter.otlp.logs.endpoint|false|false|true",
        "otel.exporter.otlp.traces.endpoint|true|false|false"})
    void anEndpointTurnsOnExportOfItsSignalsWhereTheExporterIsOnlyObserveDefault(String endpointKey, boolean traces,
            boolean metrics, boolean logs) {
        OpenTelemetrySettings otel = read(MapConfig.of("otel.traces.exporter", "none", "otel.metrics.exporter",
                "none", "otel.logs.exporter", "none", endpointKey, "http://collector:4317")
                .fromObserveDefaults("otel.traces.exporter", "otel.metrics.exporter", "otel.logs.exporter"))
                .openTelemetry();
        assertEquals(traces, otel.exports("traces"));
        assertEquals(metrics, otel.exports("metrics"));
        assertEquals(logs, otel.exports("logs"));
    }

    @Test
    void anExporterSetByTheApplicationDecidesWhateverTheEndpoint() {
        OpenTelemetrySettings otel = read(MapConfig.of("otel.traces.exporter", "zipkin", "otel.logs.exporter", "none",
                "otel.exporter.otlp.endpoint", "http://collector:4317")).openTelemetry();
        assertTrue(otel.exports("traces"));
        assertFalse(otel.exports("logs"), "none, set by the application");
        assertFalse(read(MapConfig.of("otel.sdk.disabled", "true", "otel.traces.exporter", "otlp")).openTelemetry()
                .exports("traces"));
    }

    @Test
    void theOtelViewHoldsEveryKeyAndEnvironmentVariablesUnderOpenTelemetrysNames() {
        OpenTelemetrySettings otel = read(MapConfig.of("otel.service.name", "orders", "OTEL_BSP_SCHEDULE_DELAY",
                "100", "otel_metric_export_interval", "1000", "observe.log.format", "json", "MY_OTEL_THING", "x"))
                .openTelemetry();
        assertEquals(Map.of("otel.service.name", "orders", "otel.bsp.schedule.delay", "100",
                "otel.metric.export.interval", "1000"), otel.properties());
    }

    @Test
    void theJulPathHasTheSameBoundsAndMessagesAsTheObserveLogKeys() {
        String prefix = "dev.observe.ee.logging.JsonLogFormatter";
        String[][] bad = {{".schema", "gelf"}, {".color", "maybe"}, {".max-value-length", "15"},
            {".max-stack-trace-length", "255"}, {".static-fields", "environment"}, {".rename", "event"}};
        List<String> observeKeys = new ArrayList<>();
        List<String> julKeys = new ArrayList<>();
        for (String[] keyValue : bad) {
            observeKeys.add(LogSettings.PREFIX + keyValue[0]);
            observeKeys.add(keyValue[1]);
            julKeys.add(prefix + keyValue[0]);
            julKeys.add(keyValue[1]);
        }
        List<String> observeProblems = read(MapConfig.of(observeKeys.toArray(String[]::new))).problems();
        List<List<String>> reported = new ArrayList<>();
        Map<String, String> properties = new java.util.HashMap<>();
        for (int i = 0; i < julKeys.size(); i += 2) {
            properties.put(julKeys.get(i), julKeys.get(i + 1));
        }
        LogSettings jul = LogSettings.readLoggingProperties(key -> Optional.ofNullable(properties.get(key)), prefix,
                LogSettings.Format.JSON, reported::add);

        assertEquals(6, observeProblems.size(), observeProblems.toString());
        assertEquals(1, reported.size(), "reported once");
        assertEquals(observeProblems.stream().map(problem -> problem.replace(LogSettings.PREFIX, prefix)).toList(),
                reported.get(0));
        assertEquals(LogSettings.DEFAULT_MAX_VALUE_LENGTH, jul.maxValueLength(), "a bad value has its default");
        assertEquals(LogSettings.Schema.DEFAULT, jul.schema());
    }

    @Test
    void theJulPathReadsTheLineKeysBelowItsPrefix() {
        String prefix = "x.Formatter";
        Map<String, String> properties = Map.of(prefix + ".schema", "ecs", prefix + ".service", "orders",
                prefix + ".static-fields", "region=eu-west-1", prefix + ".redact.additional-keys", "iban",
                prefix + ".max-value-length", "100", prefix + ".color", "true", "observe.log.schema", "logstash");
        List<List<String>> reported = new ArrayList<>();
        LogSettings jul = LogSettings.readLoggingProperties(key -> Optional.ofNullable(properties.get(key)), prefix,
                LogSettings.Format.CONSOLE, reported::add);
        assertEquals(List.of(), reported);
        assertEquals(LogSettings.Schema.ECS, jul.schema());
        assertEquals(LogSettings.Format.CONSOLE, jul.format());
        assertEquals("orders", jul.service());
        assertEquals(Map.of("region", "eu-west-1"), jul.staticFields());
        assertTrue(jul.redactedKeys().containsAll(Set.of("iban", "password")));
        assertEquals(100, jul.maxValueLength());
        assertTrue(jul.color());
    }
}
