package dev.observe.ee.internal.telemetry;

import dev.observe.ee.Observe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.internal.config.MapConfig;
import dev.observe.ee.internal.config.ObserveConfiguration;
import dev.observe.ee.internal.config.OpenTelemetrySettings;
import dev.observe.ee.internal.config.ProviderNames;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LibrarySdkTest {

    /** The {@code otel.*} view of a configuration, as the deployment reads it. */
    static OpenTelemetrySettings otel(MapConfig config) {
        return ObserveConfiguration.read(config.values(), ProviderNames.NONE, null, false).openTelemetry();
    }

    @AfterEach
    void resetGlobal() {
        GlobalOpenTelemetry.resetForTest();
    }

    @Test
    void forwardsEveryOtelKeyAndOnlyThose() {
        Map<String, String> properties = LibrarySdk.otelProperties(otel(MapConfig.of(
                "otel.traces.exporter", "none", "otel.bsp.schedule.delay", "200", "observe.log.format", "json",
                "mp.config.profile", "prod", "%prod.otel.metric.export.interval", "5000",
                "%dev.otel.logs.exporter", "console")), "shop");
        assertEquals(Map.of("otel.traces.exporter", "none", "otel.bsp.schedule.delay", "200",
                "otel.metric.export.interval", "5000", "otel.service.name", "shop"), properties);
    }

    @Test
    void environmentVariablesAreForwardedUnderOpenTelemetrysKeysWhateverTheKey() {
        Map<String, String> properties = LibrarySdk.otelProperties(otel(MapConfig.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317", "OTEL_BSP_SCHEDULE_DELAY", "100",
                "OTEL_EXPERIMENTAL_SOME_NEW_KEY", "x", "OBSERVE_SAMPLING_RATIO", "0")), null);
        assertEquals(Map.of("otel.exporter.otlp.endpoint", "http://collector:4317", "otel.bsp.schedule.delay", "100",
                "otel.experimental.some.new.key", "x"), properties);
    }

    @Test
    void theServiceNameDefaultsToTheApplicationsNameOnly() {
        assertEquals("orders", LibrarySdk.otelProperties(otel(MapConfig.of("otel.service.name", "orders")), "shop")
                .get("otel.service.name"));
        assertFalse(LibrarySdk.otelProperties(otel(MapConfig.of()), null).containsKey("otel.service.name"));
    }

    @Test
    void buildsAWorkingSdkWithTheLibrarysPropagatorAndMakesItGlobal() {
        LibrarySdk sdk = LibrarySdk.start(otel(MapConfig.of("otel.traces.exporter", "none",
                "otel.metrics.exporter", "none", "otel.logs.exporter", "none")),
                LibrarySdkTest.class.getClassLoader(), "shop");
        try {
            Span span = sdk.openTelemetry().getTracer("test").spanBuilder("work").startSpan();
            assertTrue(span.isRecording(), "spans are recorded even with nothing to export to");
            span.end();
            assertTrue(sdk.openTelemetry().getPropagators().getTextMapPropagator().fields()
                    .contains(Observe.REQUEST_ID_HEADER), "observe-ee's autoconfiguration customizer applied");
            assertTrue(sdk.openTelemetry().getPropagators().getTextMapPropagator().fields().contains("traceparent"));
            assertTrue(GlobalOpenTelemetry.getPropagators().getTextMapPropagator().fields()
                    .contains(Observe.REQUEST_ID_HEADER), "the application's global OpenTelemetry is this SDK");
        } finally {
            sdk.shutdown();
        }
    }

    @Test
    void disabledMeansNoSdk() {
        assertNull(LibrarySdk.start(otel(MapConfig.of("otel.sdk.disabled", "true")), LibrarySdkTest.class.getClassLoader(),
                "shop"));
    }
}
