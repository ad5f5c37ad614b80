package dev.observe.ee.it.app;

import dev.observe.ee.Traced;
import dev.observe.ee.logging.Log;
import dev.observe.ee.logging.LogContext;

import io.opentelemetry.api.trace.Span;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

/** The guide's event handlers: each runs in its own span and logs with the firing request's context. */
@ApplicationScoped
public class OrderEvents {

    private static final Log LOG = Log.get(OrderEvents.class);

    @Traced
    public void onPlaced(@Observes OrderPlaced event) {
        record(event, "sync");
    }

    @Traced
    public void onPlacedAsync(@ObservesAsync OrderPlaced event) {
        record(event, "async");
    }

    static void record(OrderPlaced event, String how) {
        LOG.info("order_event_handled", "how", how);
        Object requestId = LogContext.get("request_id");
        event.seen.put(how + ".requestId", requestId == null ? "" : requestId.toString());
        SpanJson.describe(Span.current()).forEach((key, value) -> event.seen.put(how + "." + key,
                value instanceof jakarta.json.JsonString text ? text.getString() : value.toString()));
    }
}
