package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.LogProbeResource;
import dev.observe.ee.it.app.ProbeResource;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;
import dev.observe.ee.it.app.TracedProbe;
import dev.observe.ee.it.app.TracedService;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Issue 11 §5, §7, §8 on a real server, read from its output: what the application logs cannot lose its line or
 * throw into the request; a line logged from the common pool is still the application's JSON line with its fields;
 * a line never carries a key twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class LogSafetyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("log-safety", TestApplication.class, LogProbeResource.class, ProbeResource.class,
                SpanJson.class, TracedProbe.class, TracedService.class);
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void captureServerOutput() {
        ServerOutput.install();
    }

    @Test
    void aRecursiveMessageAndAnOverflowingValueStillWriteTheirLines() throws Exception {
        String marker = "h-" + UUID.randomUUID();
        get("log/hostile?marker=" + marker, marker);

        List<JsonObject> lines = ServerOutput.json(ServerOutput.awaitLines(marker, 2));
        assertEquals(2, lines.size(), "both lines, once each, as JSON: " + lines);
        JsonObject api = event(lines, "recursive_message");
        String type = LogProbeResource.RecursiveMessage.class.getName();
        assertEquals(type, api.getJsonObject("exception").getString("type"));
        assertEquals("[" + type + ".getMessage() failed: java.lang.StackOverflowError]",
                api.getJsonObject("exception").getString("message"));
        assertTrue(api.getString("value").endsWith(".toString() failed: java.lang.StackOverflowError]"),
                String.valueOf(api));
        JsonObject plain = lines.stream().filter(line -> line.getString("event").startsWith("plain " + marker))
                .findFirst().orElseThrow();
        assertTrue(plain.getString("event").endsWith(".toString() failed: java.lang.StackOverflowError]"),
                String.valueOf(plain));
    }

    @Test
    void linesLoggedFromTheCommonPoolAreTheApplicationsJsonLines() throws Exception {
        String marker = "p-" + UUID.randomUUID();
        get("log/common-pool?marker=" + marker, marker);

        List<String> raw = ServerOutput.awaitLines(marker, 2);
        List<JsonObject> lines = ServerOutput.json(raw);
        assertEquals(2, raw.size(), "each line once: " + raw);
        assertEquals(2, lines.size(), "both in observe-ee's JSON, none in the server's format: " + raw);
        JsonObject api = event(lines, "pool_event");
        assertEquals(42, api.getInt("k"), "the fields are kept: " + api);
        assertEquals(marker, api.getString("marker"));
        assertEquals(LogProbeResource.class.getName(), api.getString("logger"));
        assertEquals("plain pool " + marker, event(lines, "plain pool " + marker).getString("event"));
    }

    @Test
    void noKeyAppearsTwiceInALine() throws Exception {
        String marker = "k-" + UUID.randomUUID();
        get("log/keys?marker=" + marker, marker);

        String line = ServerOutput.awaitLines(marker, 1).get(0);
        Set<String> keys = topLevelKeysOnce(line);
        JsonObject json = ServerOutput.parseOrNull(line);
        assertEquals("info", json.getString("level"));
        // docs/logging.md, "Keys": the renamed level moves on past the user's own fields.level.
        assertEquals("a", json.getString("fields.fields.level"));
        assertEquals("b", json.getString("fields.level"));
        assertEquals("c", json.getString("fields.trace_id"));
        assertEquals("d", json.getString("fields.exception.type"));
        assertTrue(!keys.contains("exception"), "no exception object for a user key: " + line);
    }

    /** The keys of the line's object; fails on one that appears twice (a JSON reader would keep the last). */
    private static Set<String> topLevelKeysOnce(String line) {
        Deque<Set<String>> objects = new ArrayDeque<>();
        Set<String> top = null;
        try (JsonParser parser = Json.createParser(new StringReader(line))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        objects.push(new HashSet<>());
                        if (top == null) {
                            top = objects.peek();
                        }
                    }
                    case END_OBJECT, END_ARRAY -> objects.pop();
                    case KEY_NAME -> assertTrue(objects.peek().add(parser.getString()),
                            "key twice: " + parser.getString() + " in " + line);
                    default -> {
                    }
                }
            }
        }
        return top;
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
