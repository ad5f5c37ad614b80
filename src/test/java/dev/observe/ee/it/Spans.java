package dev.observe.ee.it;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

/**
 * Reads the spans a test application's in-memory collector kept ({@code CollectedSpansResource}, at
 * {@code collector}).
 */
final class Spans {

    private Spans() {
    }

    /**
     * The spans of one trace, once at least {@code expected} have ended (the test fails after ten seconds) and then
     * no further one has for 500 ms, so that a duplicate span is seen rather than missed.
     */
    static List<JsonObject> awaitTrace(URL base, String collector, String traceId, int expected) {
        return Awaits.atLeastThenQuiet("spans of trace " + traceId, () -> trace(base, collector, traceId), expected,
                Duration.ofSeconds(10), Duration.ofMillis(500));
    }

    /** The spans of one trace the collector holds now. */
    static List<JsonObject> trace(URL base, String collector, String traceId) throws IOException {
        return Http.jsonArray(Http.get(base, collector + "?traceId=" + traceId)).getValuesAs(JsonObject.class);
    }
}
