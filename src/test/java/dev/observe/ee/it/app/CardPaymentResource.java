package dev.observe.ee.it.app;

import dev.observe.ee.logging.Log;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Logs the card example of issue 10: card number and CVV nested in a map, which must never leave redacted-out. */
@Path("card-payment")
public class CardPaymentResource {

    static final Log LOG = Log.get(CardPaymentResource.class);

    @GET
    public Response pay(@QueryParam("marker") String marker) {
        LOG.info("payment", "card", Map.of("number", "4111 1111 1111 1111", "cvv", "123"), "marker", marker);
        return Response.noContent().build();
    }
}
