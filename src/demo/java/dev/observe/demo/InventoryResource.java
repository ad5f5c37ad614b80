package dev.observe.demo;

import dev.observe.ee.logging.Log;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The inventory service the order service calls over HTTP, so that one order makes a two-hop trace: in a real
 * system another application; here the same WAR, which changes nothing for the trace or the request id.
 */
@Path("inventory")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    private static final Log log = Log.get(InventoryResource.class);

    @POST
    @Path("{sku}/reservations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reserve(@PathParam("sku") String sku, JsonObject reservation) {
        int quantity = reservation == null ? 0 : reservation.getInt("quantity", 0);
        log.info("stock_reserved", "sku", sku, "quantity", quantity);
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder().add("sku", sku).add("quantity", quantity).build())
                .build();
    }
}
