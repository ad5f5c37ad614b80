package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.LogProbeResource;
import dev.observe.ee.it.app.ProbeResource;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;
import dev.observe.ee.it.app.TracedProbe;
import dev.observe.ee.it.app.TracedService;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the server prints when the application logs inside a request, read from the server's own output: one JSON
 * line per event, with the request's context and the server span's trace id, and nothing in the server's format.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class LoggingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("logging", TestApplication.class, LogProbeResource.class, ProbeResource.class,
                SpanJson.class, TracedProbe.class, TracedService.class);
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void captureServerOutput() {
        ServerOutput.install();
    }

    @Test
    void linesFromTheApiAndFromPlainJulCarryTheRequestAndTheTrace() throws Exception {
        String marker = "m-" + UUID.randomUUID();
        JsonObject ids = get("log/events?marker=" + marker, marker);

        List<String> lines = ServerOutput.awaitLines(marker, 3);
        assertEquals(3, lines.size(), "one line per event, no copy in the server's format: " + lines);
        List<JsonObject> json = ServerOutput.json(lines);
        assertEquals(3, json.size(), "every line is JSON: " + lines);

        JsonObject api = event(json, "api_event");
        assertEquals(List.of("timestamp", "level", "logger", "event", "request_id", "method", "path", "user_id",
                "item_count", "marker", "total", "ok", "items", "nested", "trace_id", "span_id", "service"),
                List.copyOf(api.keySet()), String.valueOf(api));
        assertEquals("info", api.getString("level"));
        assertEquals(LogProbeResource.class.getName(), api.getString("logger"));
        assertEquals(marker, api.getString("request_id"));
        assertEquals("GET", api.getString("method"));
        assertEquals(base.getPath() + "log/events", api.getString("path"));
        assertEquals(7, api.getInt("user_id"));
        assertEquals(99.99, api.getJsonNumber("total").doubleValue());
        assertEquals(JsonValue.TRUE, api.get("ok"));
        assertEquals("B2", api.getJsonArray("items").getString(1));
        assertEquals("[REDACTED]", api.getJsonObject("nested").getString("password"));
        assertEquals(ids.getString("traceId"), api.getString("trace_id"), "the server span's trace");
        assertEquals(ids.getString("spanId"), api.getString("span_id"));
        assertEquals("logging", api.getString("service"), "the application's name");
        assertTrue(api.getString("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));

        JsonObject plain = event(json, "plain " + marker + " line");
        assertEquals("probe.plain", plain.getString("logger"));
        assertEquals(marker, plain.getString("request_id"), "plain JUL gets the context too");
        assertEquals(ids.getString("traceId"), plain.getString("trace_id"));

        JsonObject library = event(json, "library line " + marker);
        assertEquals("warning", library.getString("level"));
        assertEquals(marker, library.getString("request_id"));
    }

    @Test
    void aForgedLineStaysOneLine() throws Exception {
        String marker = "f-" + UUID.randomUUID();
        get("log/forge?marker=" + marker, marker);

        List<String> lines = ServerOutput.awaitLines(marker, 2);
        assertEquals(2, lines.size(), String.valueOf(lines));
        for (JsonObject line : ServerOutput.json(lines)) {
            assertTrue(line.getString("event").startsWith("forged " + marker + "\n{\"level\":\"error\""));
            assertTrue(line.getString("event").endsWith("\r\u2028\u2029\u001b[31m"), "round-trips");
            assertEquals(marker, line.getString("request_id"));
        }
        assertEquals(2, ServerOutput.json(lines).size(), "every line is JSON: " + lines);
        assertTrue(ServerOutput.linesContaining("\"event\":\"fake\"").stream()
                .allMatch(line -> line.contains(marker)), "no line of its own for the forged part");
    }

    @Test
    void exceptionsAreRenderedWithTheirCauses() throws Exception {
        String marker = "x-" + UUID.randomUUID();
        get("log/failure?marker=" + marker, marker);

        List<JsonObject> lines = ServerOutput.json(ServerOutput.awaitLines(marker, 1));
        assertEquals(1, lines.size());
        JsonObject line = lines.get(0);
        assertEquals("error", line.getString("level"));
        JsonObject exception = line.getJsonObject("exception");
        assertEquals("java.lang.IllegalStateException", exception.getString("type"));
        assertEquals("outer " + marker, exception.getString("message"));
        assertTrue(exception.getString("stack_trace").contains("Caused by: java.lang.IllegalArgumentException: inner"));
    }

    @Test
    void contextIsClearedAfterAnExceptionNoMapperHandles() throws Exception {
        HttpResponse<String> failed = Http.get(base, "log/leave-a-mess");
        assertEquals(500, failed.statusCode());

        for (int attempt = 0; attempt < 500; attempt++) {
            JsonObject seen = Http.json(Http.get(base, "log/context"));
            JsonObject context = seen.getJsonObject("context");
            assertFalse(context.containsKey("leaked"), "leaked into " + seen);
            if (seen.getString("thread").equals(seen.getString("messThread"))) {
                assertEquals(List.of("request_id", "method", "path"), List.copyOf(context.keySet()));
                return;
            }
        }
        throw new AssertionError("no request ran on the failed request's thread in 500 tries");
    }

    private JsonObject get(String path, String requestId) throws Exception {
        HttpResponse<String> response = Http.get(base, path, "X-Request-ID", requestId);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private static JsonObject event(List<JsonObject> lines, String event) {
        return lines.stream().filter(line -> event.equals(line.getString("event", null))).findFirst()
                .orElseThrow(() -> new AssertionError("no line with event " + event + " in " + lines));
    }
}
