package dev.observe.ee.it.app;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The second hop, as a MicroProfile Rest Client interface. The path is on the method: an interface with
 * {@code @Path} on the type would also be taken for a resource by Payara's Jersey.
 */
public interface SecondHopClient {

    @GET
    @Path("hop/second")
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject second();

    /** The same call with an {@code X-Request-ID} of the application's own. */
    @GET
    @Path("hop/second")
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject second(@HeaderParam("X-Request-ID") String requestId);
}
