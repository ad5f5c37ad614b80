package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.observe.ee.it.app.HopResource;
import dev.observe.ee.it.app.SecondHopClient;
import dev.observe.ee.it.app.SpanCollector;
import dev.observe.ee.it.app.TestApplication;

import jakarta.json.JsonObject;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guide's {@code inject(headers)}, with no code in the application: a call made with the Jakarta REST client
 * inside a request carries {@code traceparent} (of its CLIENT span), {@code baggage} and the request's
 * {@code X-Request-ID}; one CLIENT span per call; both hops' log lines share one request id and one trace id.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class PropagationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSpanCollector(Deployments.war("hops", TestApplication.class, HopResource.class,
                SecondHopClient.class));
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void captureServerOutput() {
        ServerOutput.install();
    }

    @ParameterizedTest
    @ValueSource(strings = {"first", "first-rest-client"})
    void theSecondHopContinuesTheTraceAndTheRequestId(String firstHop) throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestId = "hop-" + UUID.randomUUID();

        JsonObject received = Http.json(Http.get(base, "hop/" + firstHop,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "X-Request-ID", requestId,
                "baggage", "tenant=acme")).getJsonObject("second");

        assertEquals(requestId, received.getString("requestId"), "the request id goes along");
        assertEquals("tenant=acme", received.getString("baggage"));
        String[] traceparent = received.getString("traceparent").split("-");
        assertEquals(traceId, traceparent[1]);

        List<JsonObject> spans = spans(traceId, 3);
        List<JsonObject> clients = spans.stream().filter(span -> "CLIENT".equals(span.getString("kind"))).toList();
        assertEquals(1, clients.size(), "one CLIENT span for the call: " + spans);
        assertEquals(traceparent[2], clients.get(0).getString("spanId"), "traceparent names the CLIENT span");
        JsonObject first = spans.stream().filter(span -> span.getString("name").endsWith("/hop/" + firstHop)).findFirst()
                .orElseThrow();
        JsonObject second = spans.stream().filter(span -> span.getString("name").endsWith("/hop/second")).findFirst()
                .orElseThrow();
        assertEquals(first.getString("spanId"), clients.get(0).getString("parentSpanId"));
        assertEquals(clients.get(0).getString("spanId"), second.getString("parentSpanId"));
        assertEquals(3, spans.size(), "no duplicate span: " + spans);

        List<JsonObject> lines = ServerOutput.json(ServerOutput.awaitLines(requestId, 2));
        assertEquals(2, lines.size(), String.valueOf(lines));
        for (JsonObject line : lines) {
            assertEquals(requestId, line.getString("request_id"), String.valueOf(line));
            assertEquals(traceId, line.getString("trace_id"), String.valueOf(line));
        }
    }

    /**
     * An {@code X-Request-ID} the application sets on the call itself is what the called service gets, alone; the
     * trace goes along as usual.
     */
    @ParameterizedTest
    @ValueSource(strings = {"client", "rest-client"})
    void anIdTheApplicationSetsOnTheCallWins(String via) throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String ownId = "chosen-by-the-application-" + UUID.randomUUID();

        JsonObject received = Http.json(Http.get(base, "hop/first-own-id?via=" + via + "&id=" + ownId,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01", "X-Request-ID", "hop-" + UUID.randomUUID()))
                .getJsonObject("second");

        assertEquals(ownId, received.getString("requestId"), "the application's own id, and only it");
        assertEquals(traceId, received.getString("traceparent").split("-")[1], String.valueOf(received));
    }

    private List<JsonObject> spans(String traceId, int expected) throws Exception {
        return Spans.awaitTrace(base, "collected-spans", traceId, expected);
    }
}
