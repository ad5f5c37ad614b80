package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.observe.ee.it.app.ProbeResource;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;
import dev.observe.ee.it.app.TracedProbe;
import dev.observe.ee.it.app.TracedService;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Export configured only with {@code %prod.otel.*} keys, as the configuration guide's example writes it
 * ({@code %prod.otel.exporter.otlp.endpoint=…}), the profile selected in the WAR's own file: the runtime's SDK
 * exports to that endpoint. (Payara Micro hands its SDK only the {@code otel.*} names config sources list, and
 * lists a profiled key under its profiled name: observe-ee's defaults source lists the plain names.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class ProfiledExportIT {

    private static OtlpReceiver receiver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        String endpoint = "http://127.0.0.1:" + System.getProperty("it.otlp.port");
        return Deployments.war("profiled-export", TestApplication.class, ProbeResource.class, SpanJson.class,
                        TracedProbe.class, TracedService.class)
                .addAsResource(new StringAsset("mp.config.profile=prod\n"
                        + "otel.service.name=profiled-export\n"
                        + "%prod.otel.exporter.otlp.endpoint=" + endpoint + "\n"
                        + "%prod.otel.exporter.otlp.protocol=http/protobuf\n"
                        + "%prod.otel.bsp.schedule.delay=100\n"
                        + "%dev.otel.exporter.otlp.endpoint=http://127.0.0.1:1\n"),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = OtlpReceiver.http(Integer.getInteger("it.otlp.port"));
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void theProfilesEndpointReceivesTheRequestsSpan() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        assertEquals(200, Http.get(base, "probe/span", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .statusCode());

        List<OtlpReceiver.ReceivedSpan> trace = receiver.awaitTrace(traceId, 1);
        assertEquals("profiled-export", trace.get(0).serviceName(), String.valueOf(trace));
        assertEquals("http", trace.get(0).transport(), "%prod.otel.exporter.otlp.protocol=http/protobuf");
    }
}
