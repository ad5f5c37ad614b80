package dev.observe.ee.internal.config.microprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
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

    private static OpenTelemetryDefaults over(Map<String, String> systemProperties, Map<String, String> environment,
            Map<String, String> files) {
        return new OpenTelemetryDefaults(systemProperties::get, environment, () -> files);
    }

    /**
     * The runtimes hand their SDK the otel.* names their sources list; a key set only as %prod.otel.… (or
     * _PROD_OTEL_…) is listed under its plain name, with the active profile's value, so that it reaches the SDK.
     */
    @Test
    void theActiveProfilesOtelKeysAreListedUnderTheirPlainName() {
        OpenTelemetryDefaults defaults = over(Map.of(), Map.of("_PROD_OTEL_SERVICE_NAME", "orders-env",
                        "_DEV_OTEL_RESOURCE_ATTRIBUTES", "a=b"),
                Map.of("mp.config.profile", "prod",
                        "%prod.otel.exporter.otlp.endpoint", "http://collector:4317",
                        "%prod.otel.service.name", "orders-file",
                        "%prod.otel.exporter.otlp.protocol", "grpc", "otel.exporter.otlp.protocol", "http/protobuf",
                        "%prod.otel.traces.exporter", "zipkin",
                        "%dev.otel.exporter.otlp.headers", "x=y"));

        assertEquals(Set.of("otel.sdk.disabled", "otel.traces.exporter", "otel.metrics.exporter",
                "otel.logs.exporter", "otel.exporter.otlp.endpoint", "otel.service.name"),
                defaults.getPropertyNames(), "not otel.exporter.otlp.protocol: the file lists it plainly");
        assertEquals("http://collector:4317", defaults.getValue("otel.exporter.otlp.endpoint"));
        assertEquals("orders-env", defaults.getValue("otel.service.name"), "the environment over the file");
        assertEquals("none", defaults.getValue("otel.traces.exporter"), "a default stays the default");
        assertEquals(null, defaults.getValue("otel.exporter.otlp.headers"), "another profile's key");
    }

    @Test
    void theProfileComesFromSystemPropertiesBeforeTheEnvironmentBeforeTheFiles() {
        Map<String, String> files = Map.of("mp.config.profile", "dev", "%dev.otel.service.name", "dev-name",
                "%prod.otel.service.name", "prod-name", "%test.otel.service.name", "test-name");
        assertEquals("dev-name", over(Map.of(), Map.of(), files).getValue("otel.service.name"));
        assertEquals("prod-name", over(Map.of(), Map.of("MP_CONFIG_PROFILE", "prod"), files)
                .getValue("otel.service.name"));
        assertEquals("test-name", over(Map.of("mp.config.profile", "test"), Map.of("MP_CONFIG_PROFILE", "prod"),
                files).getValue("otel.service.name"));
        assertEquals(Set.of("otel.sdk.disabled", "otel.traces.exporter", "otel.metrics.exporter",
                "otel.logs.exporter"), over(Map.of(), Map.of(), Map.of("%prod.otel.service.name", "x"))
                .getPropertyNames(), "no profile, no profiled key");
    }

    @Test
    void aProfiledKeySetPlainlyElsewhereIsNotListedTwice() {
        OpenTelemetryDefaults defaults = over(Map.of("otel.service.name", "from-system"),
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://env:4317"),
                Map.of("mp.config.profile", "prod", "%prod.otel.service.name", "orders",
                        "%prod.otel.exporter.otlp.endpoint", "http://collector:4317"));

        assertFalse(defaults.getPropertyNames().contains("otel.service.name"));
        assertFalse(defaults.getPropertyNames().contains("otel.exporter.otlp.endpoint"));
    }
}
