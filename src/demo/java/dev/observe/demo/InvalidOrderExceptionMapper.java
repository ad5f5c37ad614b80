package dev.observe.demo;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An order that cannot be placed as sent is the client's mistake: 400 with the reason. */
@Provider
public class InvalidOrderExceptionMapper implements ExceptionMapper<InvalidOrderException> {

    @Override
    public Response toResponse(InvalidOrderException e) {
        return ErrorBody.response(Response.Status.BAD_REQUEST, "invalid_order", e.getMessage());
    }
}
