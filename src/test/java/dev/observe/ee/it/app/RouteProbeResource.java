package dev.observe.ee.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One sub-resource reached through two sub-resource locators (issue 11 §9). */
@Path("probe/route")
@Produces(MediaType.TEXT_PLAIN)
public class RouteProbeResource {

    @Path("locator/{id}")
    public Items locator(@PathParam("id") String id) {
        return new Items(id);
    }

    @Path("other/{name}")
    public Items other(@PathParam("name") String name) {
        return new Items(name);
    }

    /** The sub-resource: no {@code @Path} of its own. */
    public static class Items {
        private final String owner;

        public Items(String owner) {
            this.owner = owner;
        }

        @GET
        @Path("items/{itemId}")
        public String item(@PathParam("itemId") String itemId) {
            return owner + "/" + itemId;
        }
    }
}
