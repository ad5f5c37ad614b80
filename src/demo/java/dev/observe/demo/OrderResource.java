package dev.observe.demo;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.security.Principal;
import java.util.Optional;

/** {@code POST /api/orders} places an order; {@code GET /api/orders/{id}} reads one back. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    OrderService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(PlaceOrderRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidOrderException("The request body must be a JSON object with \"items\"");
        }
        Order order = service.placeOrder(userId(security), request.items());
        JsonObject body = Json.createObjectBuilder()
                .add("id", order.id())
                .add("total", order.total())
                .build();
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(order.id())).build())
                .entity(body)
                .build();
    }

    @GET
    @Path("{id}")
    public Response find(@PathParam("id") String id) {
        return parseId(id).flatMap(service::find)
                .map(order -> Response.ok(order).build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "order_not_found",
                        "No order with id " + ErrorBody.quote(id)));
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The guide binds the authenticated user's id: callers who sign in (HTTP Basic, see DemoUsers) are named,
     * everyone else is anonymous.
     */
    private static String userId(SecurityContext security) {
        Principal user = security == null ? null : security.getUserPrincipal();
        return user == null ? "anonymous" : user.getName();
    }
}
