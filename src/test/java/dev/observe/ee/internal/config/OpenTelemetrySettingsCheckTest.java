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

    private static void valid(String... keyValues) {
        assertDoesNotThrow(() -> OpenTelemetrySettingsCheck.check(MapConfig.of(keyValues),
                OpenTelemetrySettingsCheck.Extensions.NONE));
    }

    private static String invalid(String... keyValues) {
        return assertThrows(InvalidConfigurationException.class, () -> OpenTelemetrySettingsCheck.check(
                MapConfig.of(keyValues), OpenTelemetrySettingsCheck.Extensions.NONE)).getMessage();
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
        assertDoesNotThrow(() -> OpenTelemetrySettingsCheck.check(MapConfig.of("otel.traces.exporter", "my-exporter"),
                new OpenTelemetrySettingsCheck.Extensions(Set.of("my-exporter"), Set.of(), Set.of(), Set.of(),
                        Set.of())));
    }
}
