package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.ProbeResource;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;
import dev.observe.ee.it.app.TracedProbe;
import dev.observe.ee.it.app.TracedService;

import jakarta.json.JsonObject;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a runtime without MicroProfile Telemetry the SDK is the library's, and so is its end: spans that ended before
 * the application undeploys are exported when it undeploys, by the real OTLP exporter the WAR carries, to a real
 * receiver. The batch processor is told to wait a minute, so only the shutdown's flush can have sent them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnLibertyBare
class LibrarySdkShutdownIT {

    private static final String NAME = "flushed-at-undeploy";

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.war(NAME, TestApplication.class, ProbeResource.class, SpanJson.class, TracedProbe.class,
                        TracedService.class)
                .addAsResource(new StringAsset("otel.service.name=" + NAME + "\n"
                        + "otel.exporter.otlp.protocol=http/protobuf\n"
                        + "otel.exporter.otlp.endpoint=http://127.0.0.1:" + System.getProperty("it.otlp.port") + "\n"
                        + "otel.bsp.schedule.delay=60000\n"
                        + "otel.metric.export.interval=60000\n"), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void undeployFlushesWhatTheBatchProcessorHeld() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.http(Integer.getInteger("it.otlp.port"))) {
            deployer.deploy(NAME);
            String traceId;
            try {
                URL base = new URL("http://127.0.0.1:" + System.getProperty("it.port") + "/" + NAME + "/");
                JsonObject traced = Http.json(Http.get(base, "probe/traced"));
                traceId = traced.getJsonObject("server").getString("traceId");
                // An absence with no marker to prove it (nothing is exported before undeploy): held for 1 s.
                Awaits.await("nothing exported before undeploy").during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertEquals(List.of(),
                                receiver.trace(traceId), "held by the batch processor until undeploy"));
            } finally {
                deployer.undeploy(NAME);
            }
            List<OtlpReceiver.ReceivedSpan> spans = receiver.awaitTrace(traceId, 4);
            assertTrue(spans.size() >= 4, "the request's SERVER span and its three @Traced spans: " + spans);
            assertTrue(spans.stream().allMatch(span -> span.serviceName().equals(NAME)), spans.toString());
        }
    }
}
