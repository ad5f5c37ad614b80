package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payara Micro with observe-ee server-wide (docs/logging.md): the logging jar on the boot class path and
 * {@code server-config/payara/logging.properties}. Payara's Arquillian adapter reads Payara's console text, which
 * is JSON in this mode, so this test starts Payara Micro itself, with the loopback-only options, and reads what it
 * prints: every line on both streams, the server's own and the demo's.
 */
@OnPayara
class PayaraServerWideLoggingIT {

    private static final int PORT = 18091;
    private static StandaloneServer payara;
    private static Path stdout;
    private static Path stderr;

    @BeforeAll
    static void startPayara() throws Exception {
        Path work = Path.of(System.getProperty("payara.dir"), "server-wide");
        stdout = work.resolve("stdout.log");
        stderr = work.resolve("stderr.log");
        payara = StandaloneServer.payara("server-wide", PORT,
                List.of("-Xbootclasspath/a:" + System.getProperty("observe.logging.jar")),
                List.of("--logproperties", System.getProperty("payara.logging.properties")), Map.of());
    }

    @AfterAll
    static void stopPayara() throws Exception {
        if (payara != null) {
            payara.close();
        }
    }

    @Test
    void everyLineOfTheServerIsObserveJsonWithRequestContextOnTheApplicationsLines() throws Exception {
        String requestId = "server-wide-" + UUID.randomUUID();
        HttpResponse<String> placed = Http.postJson(payara.base(), "api/orders",
                "{\"items\":[{\"sku\":\"A1\",\"quantity\":2,\"price\":9.99}]}", "X-Request-ID", requestId,
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("bob:bob-pw".getBytes()));
        assertEquals(201, placed.statusCode(), placed.body());
        // The request's lines on either stream, then 1 s in which no further line of it comes: a copy in another
        // format or on stderr, which the assertions below rule out, would show up by then.
        Awaits.atLeastThenQuiet("lines of " + requestId, () -> Stream.concat(lines(stdout).stream(),
                lines(stderr).stream()).filter(line -> line.contains(requestId)).toList(), 1,
                Duration.ofSeconds(30), Duration.ofSeconds(1));

        List<String> out = lines(stdout);
        List<String> err = lines(stderr);
        List<String> notJson = new ArrayList<>();
        for (String line : out) {
            if (ServerOutput.parseOrNull(line) == null) {
                notJson.add(line);
            }
        }
        System.out.println("server-wide Payara Micro: " + out.size() + " lines on stdout, " + notJson.size()
                + " of them not JSON; " + err.size() + " lines on stderr");
        assertTrue(out.size() > 20, "the server's own lines are there: " + out.size());
        assertEquals(List.of(), notJson, "every line on stdout is JSON");
        assertEquals(List.of(), err.stream().filter(line -> !line.isBlank()).toList(), "nothing on stderr");

        List<JsonObject> json = ServerOutput.json(out);
        assertTrue(json.stream().anyMatch(line -> line.getString("logger").startsWith("fish.payara")
                || line.getString("logger").startsWith("javax.enterprise")), "Payara's own lines, as JSON");
        List<JsonObject> placings = json.stream()
                .filter(line -> "placing_order".equals(line.getString("event", null)))
                .filter(line -> requestId.equals(line.getString("request_id", null))).toList();
        assertEquals(1, placings.size(), "the demo's placing_order line, once (the application installed no "
                + "handler of its own): " + placings);
        JsonObject placing = placings.get(0);
        assertNotNull(placing);
        assertEquals("bob", placing.getString("user_id"));
        assertEquals("POST", placing.getString("method"));
        assertTrue(placing.getString("trace_id").matches("[0-9a-f]{32}"), placing.toString());
        assertFalse(out.stream().anyMatch(line -> line.contains("placing_order") && !line.startsWith("{")));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }
}
