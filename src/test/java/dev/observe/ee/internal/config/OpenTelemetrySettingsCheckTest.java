package dev.observe.ee.internal.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenTelemetrySettingsCheckTest {

    private static void check(MapConfig config, ProviderNames providers) {
        config.read(reader -> {
            OpenTelemetrySettingsCheck.check(reader, providers);
            return null;
        });
    }

    private static void valid(String... keyValues) {
        assertDoesNotThrow(() -> check(MapConfig.of(keyValues), ProviderNames.NONE));
    }

    private static String invalid(String... keyValues) {
        return assertThrows(InvalidConfigurationException.class,
                () -> check(MapConfig.of(keyValues), ProviderNames.NONE)).getMessage();
    }

    @Test
    void theGuidesConfigurationIsValid() {
        valid("otel.service.name", "orders", "otel.exporter.otlp.endpoint", "http://collector:4317",
                "otel.exporter.otlp.headers", "Authorization=Bearer abc123", "otel.exporter.otlp.protocol", "grpc",
                "otel.traces.sampler", "parentbased_traceidratio", "otel.traces.sampler.arg", "0.1",
                "otel.traces.exporter", "otlp,zipkin", "otel.bsp.schedule.delay", "500ms",
                "otel.exporter.otlp.traces.timeout", "10000");
        valid();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "otel.traces.sampler.arg|1.5|from 0 to 1",
        "otel.traces.sampler|sometimes|traceidratio",
        "otel.traces.exporter|otlp,kafka|zipkin",
        "otel.exporter.otlp.endpoint|collector:4317|http:// or https://",
        "otel.exporter.otlp.traces.endpoint|not a url|http:// or https://",
        "otel.exporter.otlp.protocol|http|http/protobuf",
        "otel.exporter.otlp.timeout|-5|zero or more",
        "otel.bsp.schedule.delay|soon|zero or more",
        "otel.propagators|tracecontext,w3c|baggage"})
    void aBadValueIsNamedWithWhatIsAllowed(String key, String value, String allowed) {
        String message = key.equals("otel.traces.sampler.arg")
                ? invalid("otel.traces.sampler", "traceidratio", key, value) : invalid(key, value);
        assertTrue(message.contains(key) && message.contains(allowed), message);
        assertTrue(message.contains(value.contains(",") ? value.split(",")[1] : value), message);
    }

    @Test
    void malformedHeadersAreNamedButTheirValueIsNotShown() {
        String message = invalid("otel.exporter.otlp.headers", "Bearer secret-token");
        assertTrue(message.contains("otel.exporter.otlp.headers") && message.contains("name=value"), message);
        assertFalse(message.contains("secret-token"), message);
    }

    @Test
    void namesThatExtensionsProvideAreAllowed() {
        assertDoesNotThrow(() -> check(MapConfig.of("otel.traces.exporter", "my-exporter"),
                new ProviderNames(Set.of("my-exporter"), Set.of(), Set.of(), Set.of(), Set.of(), false)));
    }

    @Test
    void withTheLibrarysOwnSdkOnlyBuiltInNamesAndThoseOfVisibleProvidersAreAllowed() {
        ProviderNames visible = new ProviderNames(Set.of("otlp"), Set.of("otlp"), Set.of("otlp"), Set.of("b3"),
                Set.of(), true);
        assertDoesNotThrow(() -> check(MapConfig.of("otel.traces.exporter", "otlp", "otel.propagators",
                "tracecontext,baggage,b3", "otel.traces.sampler", "parentbased_traceidratio"), visible));
        String message = assertThrows(InvalidConfigurationException.class, () -> check(MapConfig.of(
                "otel.traces.exporter", "zipkin", "otel.traces.sampler", "jaeger_remote"), visible)).getMessage();
        assertTrue(message.contains("otel.traces.exporter='zipkin' is not allowed; use one of none, otlp"),
                "no zipkin exporter on the class path: " + message);
        assertTrue(message.contains("otel.traces.sampler='jaeger_remote'"), message);
    }

    @Test
    void theRuntimesOwnModulesAreAllowedByNameWhereItsProvidersAreHidden() {
        assertDoesNotThrow(() -> check(MapConfig.of("otel.traces.exporter", "zipkin", "otel.metrics.exporter",
                "prometheus", "otel.propagators", "b3multi", "otel.traces.sampler", "parentbased_jaeger_remote"),
                ProviderNames.NONE));
    }
}
