package dev.observe.ee.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EndpointImpliesExportTest {

    private static final Map<String, String> OBSERVE_DEFAULTS = Map.of("otel.traces.exporter", "none",
            "otel.metrics.exporter", "none", "otel.logs.exporter", "none");

    private static Map<String, String> overrides(Map<String, String> configured, Set<String> defaulted) {
        Map<String, String> all = new java.util.HashMap<>(OBSERVE_DEFAULTS);
        all.putAll(configured);
        return new EndpointImpliesExport(defaulted::contains).apply(DefaultConfigProperties.createForTest(all));
    }

    @Test
    void anEndpointAloneTurnsOnOtlpForEverySignal() {
        assertEquals(Map.of("otel.traces.exporter", "otlp", "otel.metrics.exporter", "otlp",
                "otel.logs.exporter", "otlp"),
                overrides(Map.of("otel.exporter.otlp.endpoint", "http://collector:4317"), OBSERVE_DEFAULTS.keySet()));
    }

    @Test
    void aSignalsOwnEndpointTurnsOnThatSignalOnly() {
        assertEquals(Map.of("otel.traces.exporter", "otlp"), overrides(
                Map.of("otel.exporter.otlp.traces.endpoint", "http://collector:4318/v1/traces"),
                OBSERVE_DEFAULTS.keySet()));
    }

    @Test
    void noEndpointExportsNothing() {
        assertEquals(Map.of(), overrides(Map.of(), OBSERVE_DEFAULTS.keySet()));
        assertEquals(Map.of(), overrides(Map.of("otel.exporter.otlp.endpoint", " "), OBSERVE_DEFAULTS.keySet()));
    }

    @Test
    void anExporterSomeoneSetStaysEvenWhenItIsNone() {
        assertEquals(Map.of("otel.traces.exporter", "otlp"), overrides(
                Map.of("otel.exporter.otlp.endpoint", "http://collector:4317"), Set.of("otel.traces.exporter")));
        assertEquals(Map.of(), overrides(Map.of("otel.exporter.otlp.endpoint", "http://collector:4317",
                "otel.traces.exporter", "zipkin", "otel.metrics.exporter", "prometheus", "otel.logs.exporter", "none"),
                Set.of()));
    }
}
