package dev.observe.ee.internal.telemetry;

import dev.observe.ee.Observe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.internal.config.MapConfig;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LibrarySdkTest {

    @AfterEach
    void resetGlobal() {
        GlobalOpenTelemetry.resetForTest();
    }

    @Test
    void forwardsEveryOtelKeyAndOnlyThose() {
        Map<String, String> properties = LibrarySdk.otelProperties(MapConfig.of(
                "otel.traces.exporter", "none", "otel.bsp.schedule.delay", "200", "observe.log.format", "json",
                "mp.config.profile", "prod"), "shop");
        assertEquals(Map.of("otel.traces.exporter", "none", "otel.bsp.schedule.delay", "200",
                "otel.service.name", "shop"), properties);
    }

    @Test
    void theServiceNameDefaultsToTheApplicationsNameOnly() {
        assertEquals("orders", LibrarySdk.otelProperties(MapConfig.of("otel.service.name", "orders"), "shop")
                .get("otel.service.name"));
        assertFalse(LibrarySdk.otelProperties(MapConfig.of(), null).containsKey("otel.service.name"));
    }

    @Test
    void buildsAWorkingSdkWithTheLibrarysPropagatorAndMakesItGlobal() {
        LibrarySdk sdk = LibrarySdk.start(MapConfig.of("otel.traces.exporter", "none",
                "otel.metrics.exporter", "none", "otel.logs.exporter", "none"),
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
        assertNull(LibrarySdk.start(MapConfig.of("otel.sdk.disabled", "true"), LibrarySdkTest.class.getClassLoader(),
                "shop"));
    }
}
