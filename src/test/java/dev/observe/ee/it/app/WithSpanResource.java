package dev.observe.ee.it.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.concurrent.CompletableFuture;

/** Calls every {@link WithSpanProbe} method once per request, failures included. */
@Path("with-span")
public class WithSpanResource {

    @Inject
    WithSpanProbe probe;

    @GET
    public String callAll() {
        String reserved = probe.reserve("A1", 3);
        probe.charge(false);
        boolean declinedReachedCaller = false;
        try {
            probe.charge(true);
        } catch (IllegalStateException expected) {
            declinedReachedCaller = "card declined".equals(expected.getMessage());
        }
        CompletableFuture<String> gate = new CompletableFuture<>();
        probe.shipLater(gate);
        gate.complete("shipped");
        return reserved + " " + declinedReachedCaller;
    }
}
