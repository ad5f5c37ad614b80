package dev.observe.ee.it.app;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Health-, metrics- and documentation-like endpoints at the application's root, not traced by default, and two
 * that are. (Literal paths: Payara Micro traces no resource method whose template is a regular expression.)
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    @GET
    @Path("health")
    public JsonObject health() {
        return ok();
    }

    @GET
    @Path("health/ready")
    public JsonObject ready() {
        return ok();
    }

    @GET
    @Path("metrics")
    public JsonObject metrics() {
        return ok();
    }

    @GET
    @Path("metrics/base/cpu")
    public JsonObject cpu() {
        return ok();
    }

    @GET
    @Path("openapi")
    public JsonObject openapi() {
        return ok();
    }

    @GET
    @Path("orders")
    public JsonObject orders() {
        return ok();
    }

    @GET
    @Path("orders/health")
    public JsonObject ordersHealth() {
        return ok();
    }

    private static JsonObject ok() {
        return Json.createObjectBuilder().add("ok", true).build();
    }
}
