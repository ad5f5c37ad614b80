package dev.observe.ee.internal.config.microprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class OpenTelemetryDefaultsTest {

    private final OpenTelemetryDefaults defaults = new OpenTelemetryDefaults();

    @Test
    void aRecordingSdkWithoutExportersBelowEverythingElse() {
        assertEquals("false", defaults.getValue("otel.sdk.disabled"));
        assertEquals("none", defaults.getValue("otel.traces.exporter"));
        assertEquals("none", defaults.getValue("otel.metrics.exporter"));
        assertEquals("none", defaults.getValue("otel.logs.exporter"));
        assertEquals(null, defaults.getValue("otel.service.name"));
        assertEquals(10, defaults.getOrdinal());
    }

    @Test
    void aNameSetElsewhereIsNotListedSoThatNoRuntimeSeesItTwice() {
        assertEquals(Set.of("otel.sdk.disabled", "otel.traces.exporter", "otel.metrics.exporter",
                "otel.logs.exporter"), defaults.getPropertyNames());
        System.setProperty("otel.traces.exporter", "otlp");
        try {
            assertFalse(defaults.getPropertyNames().contains("otel.traces.exporter"));
            assertTrue(defaults.getPropertyNames().contains("otel.metrics.exporter"));
            assertEquals("none", defaults.getValue("otel.traces.exporter"), "still readable by name");
        } finally {
            System.clearProperty("otel.traces.exporter");
        }
    }
}
