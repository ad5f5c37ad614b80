package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The orders demo, the very WAR {@code mvn -Pdemo} runs, through its HTTP API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
class DemoIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        String path = System.getProperty("demo.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }

    @ArquillianResource
    URL base;

    @Test
    void placesAnOrderAndReadsItBack() throws Exception {
        HttpResponse<String> placed = Http.postJson(base, "api/orders",
                "{\"items\":[{\"sku\":\"A1\",\"quantity\":2,\"price\":9.99},{\"sku\":\"B2\",\"quantity\":1,\"price\":5}]}",
                "X-Request-ID", "demo-order-1");

        assertEquals(201, placed.statusCode(), placed.body());
        assertEquals("demo-order-1", placed.headers().firstValue("X-Request-ID").orElse(null));
        JsonObject order = Http.json(placed);
        long id = order.getJsonNumber("id").longValueExact();
        assertEquals(0, new BigDecimal("24.98").compareTo(order.getJsonNumber("total").bigDecimalValue()),
                String.valueOf(order));
        assertTrue(placed.headers().firstValue("Location").orElse("").endsWith("/api/orders/" + id),
                String.valueOf(placed.headers().map()));

        HttpResponse<String> read = Http.get(base, "api/orders/" + id);
        assertEquals(200, read.statusCode(), read.body());
        JsonObject stored = Http.json(read);
        assertEquals(id, stored.getJsonNumber("id").longValueExact(), String.valueOf(stored));
        assertEquals("A1", stored.getJsonArray("items").getJsonObject(0).getString("sku"), String.valueOf(stored));
    }

    @Test
    void unknownOrderIsNotFound() throws Exception {
        for (String id : new String[] {"987654321", "not-a-number"}) {
            HttpResponse<String> response = Http.get(base, "api/orders/" + id);

            assertEquals(404, response.statusCode(), response.body());
            assertEquals("order_not_found", Http.json(response).getString("error"));
        }
    }

    /**
     * The demo runs observe-ee's dev console (its own configuration selects the dev profile): the guide's lines, with
     * the request's context, and {@code user_id} once the caller signed in with HTTP Basic.
     */
    @Test
    void logsTheGuidesEventsWithTheSignedInUser() throws Exception {
        ServerOutput.install();
        String requestId = "demo-" + java.util.UUID.randomUUID();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:alice-pw".getBytes());

        HttpResponse<String> placed = Http.postJson(base, "api/orders",
                "{\"items\":[{\"sku\":\"A1\",\"quantity\":2,\"price\":9.99}]}", "X-Request-ID", requestId,
                "Authorization", basic);

        assertEquals(201, placed.statusCode(), placed.body());
        java.util.List<String> lines = ServerOutput.awaitLines(requestId, 4).stream()
                .map(line -> line.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
        assertEquals(4, lines.size(), String.valueOf(lines));
        String placing = line(lines, "[info     ] placing_order ");
        assertTrue(placing.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\[info     \\] placing_order .*"), placing);
        for (String field : new String[] {"request_id=" + requestId, "method=POST", "path=/observe-ee-demo/api/orders",
                "user_id=alice", "item_count=1", "trace_id=", "skus=[\"A1\"]"}) {
            assertTrue(placing.contains(field), field + " in " + placing);
        }
        line(lines, "[debug    ] order_validated ");
        String reserved = line(lines, "[info     ] stock_reserved ");
        assertTrue(reserved.contains("path=/observe-ee-demo/api/inventory/A1/reservations")
                && reserved.contains("sku=A1") && reserved.contains("quantity=2"), "the inventory hop, "
                + "with the same request id: " + reserved);
        String traceId = placing.replaceAll(".* trace_id=([0-9a-f]{32}).*", "$1");
        assertTrue(reserved.contains("trace_id=" + traceId), "one trace across both hops: " + reserved);
        assertTrue(line(lines, "[info     ] order_placed ").contains("total=19.98"));
    }

    private static String line(java.util.List<String> lines, String marker) {
        return lines.stream().filter(line -> line.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + marker + " in " + lines));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"items\":[{\"sku\":\"A1\"", "{\"items\":\"A1\"}", "[1,2]", "not json"})
    void unreadableBodyIsABadRequestWithAJsonReason(String body) throws Exception {
        HttpResponse<String> response = Http.postJson(base, "api/orders", body);

        assertEquals(400, response.statusCode(), body + " -> " + response.body());
        assertEquals("unreadable_body", Http.json(response).getString("error"));
        assertTrue(response.headers().firstValue("X-Request-ID").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"items\":[]}",
        "{}",
        "{\"items\":[{\"sku\":\"A1\",\"quantity\":0,\"price\":9.99}]}",
        "{\"items\":[{\"sku\":\"A1\",\"quantity\":-3,\"price\":9.99}]}",
        "{\"items\":[{\"quantity\":1,\"price\":9.99}]}",
        "{\"items\":[{\"sku\":\"A1\",\"quantity\":1,\"price\":-1}]}"})
    void invalidOrderIsABadRequestWithAJsonReason(String body) throws Exception {
        HttpResponse<String> response = Http.postJson(base, "api/orders", body);

        assertEquals(400, response.statusCode(), body + " -> " + response.body());
        JsonObject error = Http.json(response);
        assertEquals("invalid_order", error.getString("error"), String.valueOf(error));
        assertTrue(error.getString("message").length() > 0, String.valueOf(error));
        assertTrue(response.headers().firstValue("X-Request-ID").isPresent());
    }
}
