package dev.observe.ee.it.app;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.lang.management.ManagementFactory;

/** What the server itself sees, for the outage test: the heap in use after a full collection. */
@Path("server-state")
@Produces(MediaType.APPLICATION_JSON)
public class ServerStateResource {

    @GET
    @Path("heap")
    public JsonObject heap() {
        System.gc();
        System.gc();
        return Json.createObjectBuilder()
                .add("used", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()).build();
    }
}
