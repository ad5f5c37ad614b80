package dev.observe.ee.it.app;

import dev.observe.ee.logging.Log;
import dev.observe.ee.logging.LogContext;

import io.opentelemetry.api.trace.Span;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Work that leaves the request thread: CDI events (sync, async) and a Jakarta Concurrency task. */
@Path("work")
@Produces(MediaType.APPLICATION_JSON)
@ContextServiceDefinition(name = "java:app/concurrent/ObserveContext",
        propagated = ContextServiceDefinition.ALL_REMAINING, cleared = {})
@ManagedExecutorDefinition(name = "java:app/concurrent/ObserveExecutor",
        context = "java:app/concurrent/ObserveContext")
public class WorkResource {

    private static final Log LOG = Log.get(WorkResource.class);

    @Inject
    Event<OrderPlaced> placed;

    @Inject
    TracedProbe probe;

    @Resource(lookup = "java:app/concurrent/ObserveExecutor")
    ManagedExecutorService executor;

    @GET
    @Path("event")
    public JsonObject event() throws Exception {
        OrderPlaced event = new OrderPlaced();
        placed.fire(event);
        placed.fireAsync(event).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return report(event.seen);
    }

    @GET
    @Path("task")
    public JsonObject task() throws Exception {
        Map<String, String> seen = executor.submit(() -> {
            LOG.info("task_ran");
            Object requestId = LogContext.get("request_id");
            Span traced = probe.current();
            return Map.of("requestId", requestId == null ? "" : requestId.toString(),
                    "traceId", traced.getSpanContext().getTraceId(),
                    "thread", Thread.currentThread().getName(),
                    "tracedParent", SpanJson.describe(traced).getString("parentSpanId", ""));
        }).get(30, TimeUnit.SECONDS);
        return report(seen);
    }

    private static JsonObject report(Map<String, String> seen) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        seen.forEach(json::add);
        return Json.createObjectBuilder()
                .add("server", SpanJson.describe(Span.current()))
                .add("thread", Thread.currentThread().getName())
                .add("seen", json)
                .build();
    }
}
