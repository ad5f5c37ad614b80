package dev.observe.ee.it;

import static dev.observe.ee.it.Deployments.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.observe.ee.it.app.OrderEvents;
import dev.observe.ee.it.app.OrderPlaced;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;
import dev.observe.ee.it.app.TracedProbe;
import dev.observe.ee.it.app.WorkResource;

import jakarta.json.JsonObject;

import java.net.URL;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Work that leaves the request: the guide's event handlers (a CDI observer with {@code @Traced} gets a span
 * {@code handle <EventType>}, a child of the firing span, and logs with the request's context, for {@code fire}
 * and {@code fireAsync}) and its Celery tasks (a Jakarta Concurrency task carries the request's trace and log
 * context to its thread).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class AsyncWorkIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("async-work", TestApplication.class, WorkResource.class, OrderEvents.class,
                OrderPlaced.class, SpanJson.class, TracedProbe.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void eventObserversRunInChildSpansWithTheRequestsContext() throws Exception {
        String requestId = "event-" + UUID.randomUUID();
        JsonObject result = Http.json(Http.get(base, "work/event", "X-Request-ID", requestId));
        System.err.println("EVENTS " + server() + " " + result);
        JsonObject serverSpan = result.getJsonObject("server");
        JsonObject seen = result.getJsonObject("seen");
        for (String how : new String[] {"sync", "async"}) {
            assertEquals("handle OrderPlaced", seen.getString(how + ".name"), how + " " + seen);
            assertEquals("INTERNAL", seen.getString(how + ".kind"), how);
            assertEquals(serverSpan.getString("traceId"), seen.getString(how + ".traceId"), how);
            assertEquals(serverSpan.getString("spanId"), seen.getString(how + ".parentSpanId"), how);
            assertEquals(requestId, seen.getString(how + ".requestId"), how);
        }
    }

    @Test
    void concurrencyTasksCarryTheRequestsTraceAndLogContext() throws Exception {
        String requestId = "task-" + UUID.randomUUID();
        JsonObject result = Http.json(Http.get(base, "work/task", "X-Request-ID", requestId));
        JsonObject seen = result.getJsonObject("seen");
        assertNotEquals(result.getString("thread"), seen.getString("thread"), "ran on another thread");
        assertEquals(requestId, seen.getString("requestId"), String.valueOf(seen));
        assertEquals(result.getJsonObject("server").getString("traceId"), seen.getString("traceId"));
        assertEquals(result.getJsonObject("server").getString("spanId"), seen.getString("tracedParent"));
    }
}
