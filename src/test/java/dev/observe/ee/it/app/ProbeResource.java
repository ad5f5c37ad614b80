package dev.observe.ee.it.app;

import io.opentelemetry.api.trace.Span;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Reports, from inside the server, the spans a request and the {@code @Traced} beans it calls run in. */
@Path("probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    TracedProbe probe;

    @Inject
    TracedService service;

    @GET
    @Path("span")
    public JsonObject span() {
        return Json.createObjectBuilder().add("server", SpanJson.describe(Span.current())).build();
    }

    @GET
    @Path("traced")
    public JsonObject traced() {
        Span server = Span.current();
        return Json.createObjectBuilder()
                .add("server", SpanJson.describe(server))
                .add("method", SpanJson.describe(probe.current()))
                .add("named", SpanJson.describe(probe.named()))
                .add("classLevel", SpanJson.describe(service.work()))
                .add("currentAfterwards", SpanJson.describe(Span.current()))
                .build();
    }

    @GET
    @Path("traced/unchecked")
    public JsonObject unchecked() {
        IllegalStateException thrown = new IllegalStateException("out of stock");
        RuntimeException caught = null;
        try {
            probe.fail(thrown);
        } catch (RuntimeException e) {
            caught = e;
        }
        return failure(caught == thrown);
    }

    @GET
    @Path("traced/checked")
    public JsonObject checked() {
        IOException thrown = new IOException("disk on fire");
        IOException caught = null;
        try {
            probe.failChecked(thrown);
        } catch (IOException e) {
            caught = e;
        }
        return failure(caught == thrown);
    }

    @GET
    @Path("traced/async")
    public JsonObject async() {
        CompletableFuture<String> gate = new CompletableFuture<>();
        CompletionStage<String> returned = probe.later(gate);
        JsonObject beforeCompletion = SpanJson.describe(probe.lastSpan());
        gate.completeExceptionally(new IllegalArgumentException("payment declined"));
        return Json.createObjectBuilder()
                .add("server", SpanJson.describe(Span.current()))
                .add("sameStage", returned == gate)
                .add("beforeCompletion", beforeCompletion)
                .add("afterCompletion", SpanJson.describe(probe.lastSpan()))
                .build();
    }

    /** A route with a template; answers with the status it is given. */
    @GET
    @Path("orders/{id}/status/{status}")
    public jakarta.ws.rs.core.Response statusFor(@jakarta.ws.rs.PathParam("id") String id,
            @jakarta.ws.rs.PathParam("status") int status) {
        return jakarta.ws.rs.core.Response.status(status).entity(Json.createObjectBuilder().add("id", id).build())
                .build();
    }

    /** An exception no mapper handles: the container answers 500, and JAX-RS response filters never run. */
    @GET
    @Path("unmapped")
    public JsonObject unmapped() {
        throw new UnmappedFailure();
    }

    /** Deliberately not handled by any {@code ExceptionMapper}. */
    public static final class UnmappedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnmappedFailure() {
            super("nobody maps this");
        }
    }

    private JsonObject failure(boolean sameException) {
        return Json.createObjectBuilder()
                .add("server", SpanJson.describe(Span.current()))
                .add("sameException", sameException)
                .add("span", SpanJson.describe(probe.lastSpan()))
                .build();
    }
}
