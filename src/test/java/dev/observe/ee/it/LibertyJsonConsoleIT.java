package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Open Liberty with a console of JSON only ({@code server-config/liberty-json/server.xml}): Liberty's own lines in
 * Liberty's JSON, the application's in observe-ee's, no line twice and no line of text. Starts its own Liberty
 * server ({@code server run}) with the demo, since the Arquillian server must keep Liberty's default console.
 */
@OnLiberty
class LibertyJsonConsoleIT {

    private static StandaloneServer liberty;
    private static Path stdout;

    @BeforeAll
    static void startLiberty() throws Exception {
        // Production, as a JSON console is for: the demo's own configuration otherwise selects the dev console.
        liberty = StandaloneServer.liberty("observe-json", Integer.getInteger("it.liberty.json.port"),
                Map.of("MP_CONFIG_PROFILE", "prod"));
        stdout = liberty.output();
    }

    @AfterAll
    static void stopLiberty() throws Exception {
        if (liberty != null) {
            liberty.close();
        }
    }

    @Test
    void theConsoleIsJsonOnlyWithTheApplicationsLinesInObserveFormat() throws Exception {
        String requestId = "liberty-json-" + UUID.randomUUID();
        HttpResponse<String> placed = Http.postJson(base(), "api/orders",
                "{\"items\":[{\"sku\":\"A1\",\"quantity\":2,\"price\":9.99}]}", "X-Request-ID", requestId);
        assertEquals(201, placed.statusCode(), placed.body());
        // The request's lines, then 1.5 s in which no further line of it comes: a copy in Liberty's format, which the
        // assertions below rule out, would show up by then.
        Awaits.atLeastThenQuiet("console lines of " + requestId, () -> Files.readAllLines(stdout,
                StandardCharsets.UTF_8).stream().filter(line -> line.contains(requestId)).toList(), 1,
                Duration.ofSeconds(30), Duration.ofMillis(1500));

        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        List<String> text = new ArrayList<>();
        int beforeLogging = 0;
        int jvm = 0;
        int liberty = 0;
        int observe = 0;
        for (String line : lines) {
            JsonObject json = ServerOutput.parseOrNull(line);
            if (json == null && line.startsWith("OpenJDK 64-Bit Server VM warning:")) {
                jvm++;  // the JVM's own notice (class data sharing vs Liberty's agent), not a log record
            } else if (json == null && liberty + observe == 0) {
                beforeLogging++;  // the launcher's banner and JVM warnings, printed before Liberty's logging starts
            } else if (json == null) {
                text.add(line);
            } else if (json.containsKey("type") && json.getString("type").startsWith("liberty_")) {
                liberty++;
            } else {
                observe++;
            }
        }
        System.out.println("Liberty JSON console: " + lines.size() + " lines: " + jvm + " JVM notice, "
                + beforeLogging + " text before logging started, then " + liberty + " Liberty JSON, " + observe + " observe-ee JSON, "
                + text.size() + " text");
        assertTrue(beforeLogging <= 3, "only the launch banner and JVM notices precede the JSON: " + beforeLogging);
        assertTrue(liberty > 5, "Liberty's own messages, as Liberty JSON: " + liberty);
        assertTrue(observe > 0, "the application's lines, as observe-ee JSON");
        assertEquals(List.of(), text, "once logging started, every line is JSON");

        List<JsonObject> placing = ServerOutput.json(lines, line -> requestId.equals(line.getString("request_id",
                null)) && "placing_order".equals(line.getString("event", null)));
        assertEquals(1, placing.size(), "the demo's line, once, in observe-ee's format: " + placing);
        assertTrue(placing.get(0).getString("trace_id").matches("[0-9a-f]{32}"), placing.get(0).toString());
        assertEquals(0, lines.stream().filter(line -> line.contains(requestId) && line.contains("liberty_message"))
                .count(), "not repeated by Liberty");
    }

    private static URL base() {
        return liberty.base();
    }
}
