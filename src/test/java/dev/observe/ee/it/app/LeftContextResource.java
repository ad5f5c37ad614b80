package dev.observe.ee.it.app;

import dev.observe.ee.logging.Log;

import io.opentelemetry.api.trace.Span;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.concurrent.ForkJoinPool;

/**
 * What a runtime or an application may leave on a request thread, and lines written after the resource method
 * returned (issue 11 §3, §4).
 */
@Path("left")
@Produces(MediaType.APPLICATION_JSON)
public class LeftContextResource {

    private static final Log LOG = Log.get(LeftContextResource.class);

    /**
     * The input of issue 11 §3: the response is resumed on another thread before the resource method returns. The
     * sleep is part of the input (the method is still running when the response is sent), not a wait of the test.
     */
    @GET
    @Path("async")
    public void async(@Suspended AsyncResponse response) throws InterruptedException {
        ForkJoinPool.commonPool().submit(() -> response.resume("x"));
        Thread.sleep(300);
    }

    /** Logs a line and answers with the span the request runs in. */
    @GET
    @Path("jaxrs")
    public JsonObject jaxrs() {
        LOG.info("jaxrs_request_served");
        return Json.createObjectBuilder().add("span", SpanJson.describe(Span.current())).build();
    }

    /** Fails with an exception {@link MappedFailureMapper} maps. */
    @GET
    @Path("mapped")
    public JsonObject mapped() {
        throw new MappedFailure();
    }

    /** Fails with an exception no mapper handles: the runtime writes its own line. */
    @GET
    @Path("unmapped")
    public JsonObject unmapped() {
        throw new UnmappedFailure();
    }

    /** An application exception with a mapper. */
    public static final class MappedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MappedFailure() {
            super("mapped failure");
        }
    }

    /** An application exception no mapper handles. */
    public static final class UnmappedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnmappedFailure() {
            super("unmapped failure");
        }
    }

    /** Logs the failure, as applications' mappers do, and answers 503. */
    @Provider
    public static final class MappedFailureMapper implements ExceptionMapper<MappedFailure> {

        private static final Log MAPPER_LOG = Log.get(MappedFailureMapper.class);

        @Override
        public Response toResponse(MappedFailure failure) {
            MAPPER_LOG.exception("mapped_failure", failure);
            return Response.status(503).build();
        }
    }
}
