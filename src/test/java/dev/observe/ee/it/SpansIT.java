package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.ProbeResource;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;
import dev.observe.ee.it.app.TracedProbe;
import dev.observe.ee.it.app.TracedService;

import jakarta.json.JsonObject;

import java.net.URL;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With nothing but the library in {@code WEB-INF/lib} (no configuration of its own), the application gets a
 * recording SERVER span per request from the runtime, and the library's {@code @Traced} interceptor is active.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class SpansIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("spans", TestApplication.class, ProbeResource.class, SpanJson.class,
                TracedProbe.class, TracedService.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void requestRunsInARecordingServerSpan() throws Exception {
        JsonObject span = get("probe/span").getJsonObject("server");

        assertTrue(span.getBoolean("valid"), String.valueOf(span));
        assertTrue(span.getBoolean("recording"), String.valueOf(span));
        assertEquals("SERVER", span.getString("kind"), String.valueOf(span));
        assertFalse(span.getBoolean("ended"), String.valueOf(span));
    }

    @Test
    void serverSpanContinuesTheCallersW3cTrace() throws Exception {
        JsonObject span = get("probe/span", "traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
                .getJsonObject("server");

        assertTrue(span.getBoolean("recording"), String.valueOf(span));
        assertEquals(TRACE_ID, span.getString("traceId"), String.valueOf(span));
        assertEquals(PARENT_SPAN_ID, span.getString("parentSpanId"), String.valueOf(span));
        assertNotEquals(PARENT_SPAN_ID, span.getString("spanId"), String.valueOf(span));
    }

    @Test
    void tracedMethodsRunInInternalChildSpans() throws Exception {
        JsonObject result = get("probe/traced");
        JsonObject serverSpan = result.getJsonObject("server");

        assertChildOf(serverSpan, result.getJsonObject("method"), "TracedProbe.current");
        assertChildOf(serverSpan, result.getJsonObject("named"), "checkout");
        assertChildOf(serverSpan, result.getJsonObject("classLevel"), "TracedService.work");
        for (String call : new String[] {"method", "named", "classLevel"}) {
            JsonObject span = result.getJsonObject(call);
            assertTrue(span.getBoolean("ended"), call + " ended on return: " + span);
            assertEquals("UNSET", span.getString("status"), String.valueOf(span));
        }
        assertEquals(serverSpan.getString("spanId"), result.getJsonObject("currentAfterwards").getString("spanId"),
                "the caller's span is current again after the call");
    }

    @Test
    void uncheckedExceptionIsRecordedAndRethrownUnchanged() throws Exception {
        JsonObject result = get("probe/traced/unchecked");

        assertTrue(result.getBoolean("sameException"), "the caller gets the very exception");
        assertFailed(result.getJsonObject("server"), result.getJsonObject("span"), "TracedProbe.fail",
                "java.lang.IllegalStateException", "out of stock");
    }

    @Test
    void checkedExceptionIsRecordedAndRethrownUnchanged() throws Exception {
        JsonObject result = get("probe/traced/checked");

        assertTrue(result.getBoolean("sameException"), "the caller gets the very exception");
        assertFailed(result.getJsonObject("server"), result.getJsonObject("span"), "TracedProbe.failChecked",
                "java.io.IOException", "disk on fire");
    }

    @Test
    void completionStageSpanEndsWhenTheStageCompletes() throws Exception {
        JsonObject result = get("probe/traced/async");

        assertTrue(result.getBoolean("sameStage"), "the caller gets the stage the method returned");
        JsonObject before = result.getJsonObject("beforeCompletion");
        assertChildOf(result.getJsonObject("server"), before, "TracedProbe.later");
        assertFalse(before.getBoolean("ended"), "still open while the stage is pending: " + before);
        assertFailed(result.getJsonObject("server"), result.getJsonObject("afterCompletion"), "TracedProbe.later",
                "java.lang.IllegalArgumentException", "payment declined");
    }

    private JsonObject get(String path, String... headers) throws Exception {
        HttpResponse<String> response = Http.get(base, path, headers);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private static void assertChildOf(JsonObject parent, JsonObject child, String name) {
        assertTrue(child.getBoolean("recording") || child.getBoolean("ended"), String.valueOf(child));
        assertEquals(name, child.getString("name"), String.valueOf(child));
        assertEquals("INTERNAL", child.getString("kind"), String.valueOf(child));
        assertEquals(parent.getString("traceId"), child.getString("traceId"), String.valueOf(child));
        assertEquals(parent.getString("spanId"), child.getString("parentSpanId"), String.valueOf(child));
    }

    private static void assertFailed(JsonObject parent, JsonObject span, String name, String type, String message) {
        assertChildOf(parent, span, name);
        assertTrue(span.getBoolean("ended"), "ended on the exception path: " + span);
        assertEquals("ERROR", span.getString("status"), String.valueOf(span));
        JsonObject event = span.getJsonArray("events").getJsonObject(0);
        assertEquals("exception", event.getString("name"), String.valueOf(span));
        assertEquals(type, event.getString("exception.type"), String.valueOf(span));
        assertEquals(message, event.getString("exception.message"), String.valueOf(span));
    }
}
