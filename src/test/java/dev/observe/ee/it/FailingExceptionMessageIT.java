package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.observe.ee.it.app.FailingMessages;
import dev.observe.ee.it.app.TestApplication;

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
 * An exception whose {@code getMessage()} recurses into a StackOverflowError, recorded on a span by observe-ee
 * ({@code @Traced}) and by the application with OpenTelemetry's {@code Span.recordException} (lazily: the SDK asks
 * the exception for its message when the span is exported). A real OTLP/HTTP receiver gets both spans, each with
 * its exception event (type, and a placeholder naming the failure as the message), through the error-keeping tail
 * sampler (ratio 0.5, trace ids the ratio keeps); and the spans of a later request still arrive: the exporter
 * survived.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class FailingExceptionMessageIT {

    static final String PLACEHOLDER = "[getMessage() threw java.lang.StackOverflowError]";

    private static OtlpReceiver receiver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("failing-messages", TestApplication.class, FailingMessages.class)
                .addAsResource(new StringAsset("otel.service.name=failing-messages\n"
                        + "otel.traces.exporter=otlp\n"
                        + "otel.exporter.otlp.protocol=http/protobuf\n"
                        + "otel.exporter.otlp.endpoint=http://127.0.0.1:" + System.getProperty("it.otlp.port") + "\n"
                        + "otel.bsp.schedule.delay=100\n"
                        + "observe.sampling.ratio=0.5\n"), "META-INF/microprofile-config.properties");
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

    /** A trace id the tail sampler's ratio keeps (its lower 64 bits, as OpenTelemetry's traceidratio decides). */
    private static String keptTraceId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "0000000000000001";
    }

    private String get(String path, String traceId) throws Exception {
        return Http.get(base, path, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").body();
    }

    @Test
    void bothSpansArriveWithTheirExceptionEventAndTheExporterKeepsWorking() throws Exception {
        String recordedTrace = keptTraceId();
        String tracedTrace = keptTraceId();
        String laterTrace = keptTraceId();
        assertEquals("recorded", get("failing-messages/recorded", recordedTrace));
        assertEquals("caught", get("failing-messages/traced", tracedTrace));

        List<OtlpReceiver.ReceivedSpan> recorded = receiver.awaitTrace(recordedTrace, 1);
        OtlpReceiver.ReceivedSpan server = recorded.stream().filter(span -> span.kind().equals("SERVER"))
                .findFirst().orElseThrow(() -> new AssertionError("no SERVER span: " + recorded));
        assertEquals(List.of(FailingMessages.RecursiveMessageException.class.getCanonicalName()),
                server.exceptionTypes(), "the application's Span.recordException: " + server);
        assertEquals(List.of(PLACEHOLDER), server.exceptionMessages(), String.valueOf(server));

        List<OtlpReceiver.ReceivedSpan> traced = receiver.awaitTrace(tracedTrace, 2);
        OtlpReceiver.ReceivedSpan work = traced.stream().filter(span -> span.name().equals("failing_work"))
                .findFirst().orElseThrow(() -> new AssertionError("no failing_work span: " + traced));
        assertEquals("ERROR", work.status(), String.valueOf(work));
        assertEquals(List.of(FailingMessages.RecursiveMessageException.class.getCanonicalName()),
                work.exceptionTypes(), "recorded by @Traced: " + work);
        assertEquals(List.of(PLACEHOLDER), work.exceptionMessages(), String.valueOf(work));

        assertEquals("plain", get("failing-messages/plain", laterTrace));
        assertEquals(1, receiver.awaitTrace(laterTrace, 1).size(), "a later request's span is still exported");
    }
}
