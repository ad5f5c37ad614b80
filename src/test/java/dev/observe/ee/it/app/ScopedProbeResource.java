package dev.observe.ee.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource class that is a CDI bean (request-scoped, as most resources that inject something are). */
@RequestScoped
@Path("scoped-probe")
public class ScopedProbeResource {

    /** An exception no mapper handles. */
    @GET
    @Path("unmapped")
    public JsonObject unmapped() {
        throw new ProbeResource.UnmappedFailure();
    }
}
