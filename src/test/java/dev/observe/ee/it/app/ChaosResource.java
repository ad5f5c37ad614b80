package dev.observe.ee.it.app;

import dev.observe.ee.logging.Log;

import io.opentelemetry.api.trace.Span;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * A request whose telemetry is large: one log line (printed, and exported as a log record) and a SERVER span
 * carrying 32 attributes of 8 KiB, so that a batch of its spans is a request body of several hundred KiB, which a
 * collector that stops reading cannot take in one go (the exporter is still writing when the connection breaks).
 */
@Path("chaos")
public class ChaosResource {

    private static final Log LOG = Log.get(ChaosResource.class);
    private static final String PAYLOAD = "x".repeat(8192);

    @GET
    @Path("work")
    public String work(@QueryParam("marker") String marker) {
        Span span = Span.current();
        for (int i = 0; i < 32; i++) {
            span.setAttribute("chaos.payload." + i, PAYLOAD);
        }
        LOG.info("chaos_work", "marker", marker);
        return marker;
    }
}
