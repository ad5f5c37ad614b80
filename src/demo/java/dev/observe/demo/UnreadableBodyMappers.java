package dev.observe.demo;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not JSON, or JSON of the wrong shape, is the client's mistake: 400 with a hint, never the server's
 * 500 with a parser's internals. Jersey (Payara) reports it as a {@link ProcessingException}, RESTEasy (Liberty) as
 * a {@link JsonbException}; one mapper for each.
 */
final class UnreadableBodyMappers {

    private UnreadableBodyMappers() {
    }

    static Response badRequest() {
        return ErrorBody.response(Response.Status.BAD_REQUEST, "unreadable_body",
                "The request body must be JSON like {\"items\":[{\"sku\":\"A1\",\"quantity\":2,\"price\":9.99}]}");
    }

    @Provider
    public static class ProcessingFailure implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return badRequest();
        }
    }

    @Provider
    public static class BindingFailure implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return badRequest();
        }
    }
}
