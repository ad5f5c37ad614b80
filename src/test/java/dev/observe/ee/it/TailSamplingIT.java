package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.observe.ee.it.app.CheckoutResource;
import dev.observe.ee.it.app.SpanCollector;
import dev.observe.ee.it.app.TestApplication;

import jakarta.json.JsonObject;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The error-keeping tail sampler in the runtime's own SDK, between its batch processor and the configured exporter:
 * with {@code observe.sampling.ratio=0}, a trace whose error is on an inner span (the request itself succeeds)
 * reaches the exporter whole, parent links intact; successful traces do not reach it at all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class TailSamplingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSpanExporter(Deployments.war("tail-sampling", TestApplication.class,
                        CheckoutResource.class, CheckoutResource.Steps.class))
                // otel.sdk.disabled=false as MicroProfile Telemetry's documentation writes it: the library's default
                // for the same key must not make Payara Micro see it twice (OpenTelemetryDefaults).
                .addAsResource(new StringAsset("otel.sdk.disabled=false\n"
                        + "otel.traces.exporter=" + SpanCollector.Exporter.NAME + "\n"
                        + "otel.bsp.schedule.delay=100\n"
                        + "observe.sampling.ratio=0\n"), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void onlyTheTraceWithAnErrorIsExportedAndItIsWhole() throws Exception {
        String failing = UUID.randomUUID().toString().replace("-", "");
        String succeeding = UUID.randomUUID().toString().replace("-", "");
        assertEquals(200, Http.get(base, "checkout/ok", "traceparent", "00-" + succeeding + "-00f067aa0ba902b7-01")
                .statusCode());
        assertEquals(200, Http.get(base, "checkout/fail", "traceparent", "00-" + failing + "-00f067aa0ba902b7-01")
                .statusCode());

        List<JsonObject> kept = Spans.awaitTrace(base, "collected-spans", failing, 3);
        Map<String, JsonObject> byName = kept.stream().collect(Collectors.toMap(
                span -> span.getString("name"), span -> span));
        assertEquals(3, kept.size(), "the whole failing trace: " + kept);
        JsonObject root = kept.stream().filter(span -> span.getString("kind").equals("SERVER")).findFirst()
                .orElseThrow(() -> new AssertionError("no SERVER span: " + kept));
        assertEquals("00f067aa0ba902b7", root.getString("parentSpanId"));
        assertEquals(root.getString("spanId"), byName.get("reserve_stock").getString("parentSpanId"));
        assertEquals(root.getString("spanId"), byName.get("charge_card").getString("parentSpanId"));
        assertEquals("ERROR", byName.get("charge_card").getString("status"));

        // An absence, after a positive marker: the failing trace has arrived, and the successful one ended first, so it
        // has been decided too; it must stay dropped for the 500 ms the failing trace's wait also held still.
        Awaits.await("no span of the successful trace").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertEquals(List.of(), Spans.trace(base, "collected-spans", succeeding)));
    }
}
