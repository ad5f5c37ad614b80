package dev.observe.ee.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.net.URL;
import java.util.List;

/** Reads the spans a test application's in-memory exporter collected ({@code CollectedSpansResource}, at {@code collector}). */
final class Spans {

    private Spans() {
    }

    /**
     * The spans of one trace, once at least {@code expected} have ended (or after ten seconds), plus any that end
     * in the following 500 ms, so that a duplicate span is seen rather than missed.
     */
    static List<JsonObject> awaitTrace(URL base, String collector, String traceId, int expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonArray spans;
        do {
            spans = Http.jsonArray(Http.get(base, collector + "?traceId=" + traceId));
            if (spans.size() >= expected) {
                Thread.sleep(500);
                spans = Http.jsonArray(Http.get(base, collector + "?traceId=" + traceId));
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return spans.getValuesAs(JsonObject.class);
    }
}
