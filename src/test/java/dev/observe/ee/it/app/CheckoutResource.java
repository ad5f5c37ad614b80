package dev.observe.ee.it.app;

import dev.observe.ee.Traced;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** A checkout whose inner step fails on request: the failing trace's error is on a child span, not the root. */
@RequestScoped
@Path("checkout")
public class CheckoutResource {

    @Inject
    Steps steps;

    @GET
    @Path("{outcome}")
    public Response checkout(@PathParam("outcome") String outcome) {
        steps.reserve();
        try {
            steps.charge("fail".equals(outcome));
        } catch (IllegalStateException declined) {
            // handled: the request succeeds, yet the trace holds an error
            return Response.ok("declined, retried later").build();
        }
        return Response.ok("paid").build();
    }

    /** Two traced steps. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Steps {

        @Traced("reserve_stock")
        public void reserve() {
        }

        @Traced("charge_card")
        public void charge(boolean fail) {
            if (fail) {
                throw new IllegalStateException("card declined");
            }
        }
    }
}
