package dev.observe.ee.it.app;

import dev.observe.ee.logging.Log;
import dev.observe.ee.logging.LogContext;

import io.opentelemetry.api.trace.Span;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs, inside a request, through observe-ee's API and through plain JUL, and reports the ids to expect. */
@Path("log")
@Produces(MediaType.APPLICATION_JSON)
public class LogProbeResource {

    private static final Log LOG = Log.get(LogProbeResource.class);
    private static final Logger PLAIN = Logger.getLogger("probe.plain");
    private static final Logger LIBRARY = Logger.getLogger("org.thirdparty.Client");

    @GET
    @Path("events")
    public JsonObject events(@QueryParam("marker") String marker) {
        LOG.bind("user_id", 7, "item_count", 3).info("api_event", "marker", marker, "total", 99.99,
                "ok", true, "items", List.of("A1", "B2"), "nested", Map.of("password", "hunter2"));
        PLAIN.log(Level.INFO, "plain {0} line", marker);
        LIBRARY.warning("library line " + marker);
        return ids();
    }

    @GET
    @Path("forge")
    public JsonObject forge(@QueryParam("marker") String marker) {
        String payload = "forged " + marker + "\n{\"level\":\"error\",\"event\":\"fake\"}\r\u2028\u2029\u001b[31m";
        LOG.info(payload, "value", payload);
        PLAIN.info(payload);
        return ids();
    }

    @GET
    @Path("failure")
    public JsonObject failure(@QueryParam("marker") String marker) {
        LOG.exception("probe_failed", new IllegalStateException("outer " + marker,
                new IllegalArgumentException("inner")), "marker", marker);
        return ids();
    }

    /** Issue 11 §5: an exception whose getMessage() recurses until the stack overflows. */
    public static final class RecursiveMessage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            return "failed: " + this;
        }
    }

    /** Issue 11 §5: a field value and a JUL parameter whose toString() overflows the stack. */
    private static Object overflowing() {
        return new Object() {
            @Override
            public String toString() {
                return "again " + this;
            }
        };
    }

    @GET
    @Path("hostile")
    public JsonObject hostile(@QueryParam("marker") String marker) {
        LOG.exception("recursive_message", new RecursiveMessage(), "marker", marker, "value", overflowing());
        PLAIN.log(Level.INFO, "plain " + marker + " {0}", overflowing());
        return ids();
    }

    /** Issue 11 §7: logging from the common pool, as CompletableFuture.*Async and parallel streams do. */
    @GET
    @Path("common-pool")
    public JsonObject commonPool(@QueryParam("marker") String marker) throws Exception {
        java.util.concurrent.ForkJoinPool.commonPool().submit(() -> {
            LOG.info("pool_event", "marker", marker, "k", 42);
            PLAIN.log(Level.INFO, "plain pool {0}", marker);
        }).get();
        return ids();
    }

    /** Issue 11 §8: user keys that collide with a standard field and with its renamed form. */
    @GET
    @Path("keys")
    public JsonObject keys(@QueryParam("marker") String marker) {
        LOG.info("colliding_keys", "level", "a", "fields.level", "b", "trace_id", "c", "exception.type", "d",
                "marker", marker);
        return ids();
    }

    /** Issue 11 §8 under ECS: user keys that are the dotted parent of a standard field, or the field itself. */
    @GET
    @Path("ecs-keys")
    public JsonObject ecsKeys(@QueryParam("marker") String marker) {
        LOG.exception("ecs_keys", new IllegalStateException("failed"), "error", "x", "log", "y", "log.level", "z",
                "marker", marker);
        return ids();
    }

    /** The context as the request sees it, the thread it runs on, and the thread the last mess was left on. */
    @GET
    @Path("context")
    public JsonObject context() {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        LogContext.current().forEach((key, value) -> fields.add(key, String.valueOf(value)));
        String messThread = MESS_THREAD.get();
        return Json.createObjectBuilder()
                .add("thread", Thread.currentThread().getName())
                .add("messThread", messThread == null ? "" : messThread)
                .add("context", fields)
                .build();
    }

    private static final java.util.concurrent.atomic.AtomicReference<String> MESS_THREAD =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Binds a field nobody unbinds, then fails with an exception no mapper handles. */
    @GET
    @Path("leave-a-mess")
    public JsonObject leaveAMess() {
        LogContext.bind("leaked", "yes");
        MESS_THREAD.set(Thread.currentThread().getName());
        throw new ProbeResource.UnmappedFailure();
    }

    private static JsonObject ids() {
        return Json.createObjectBuilder()
                .add("traceId", Span.current().getSpanContext().getTraceId())
                .add("spanId", Span.current().getSpanContext().getSpanId())
                .build();
    }
}
