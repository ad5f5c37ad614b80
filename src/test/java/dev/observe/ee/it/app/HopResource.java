package dev.observe.ee.it.app;

import dev.observe.ee.logging.Log;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** Two hops: {@code /hop/first} logs and calls {@code /hop/second} over HTTP with the JAX-RS client. */
@Path("hop")
@Produces(MediaType.APPLICATION_JSON)
public class HopResource {

    private static final Log LOG = Log.get(HopResource.class);

    @GET
    @Path("first")
    public JsonObject first(@Context UriInfo uri) {
        LOG.info("first_hop");
        Client client = ClientBuilder.newClient();
        try {
            JsonObject second = client.target(uri.getBaseUriBuilder().path("hop/second").build())
                    .request(MediaType.APPLICATION_JSON).get(JsonObject.class);
            return Json.createObjectBuilder().add("second", second).build();
        } finally {
            client.close();
        }
    }

    /** The same call through MicroProfile Rest Client. */
    @GET
    @Path("first-rest-client")
    public JsonObject firstWithRestClient(@Context UriInfo uri) throws Exception {
        LOG.info("first_hop");
        SecondHopClient client = RestClientBuilder.newBuilder().baseUri(uri.getBaseUri())
                .build(SecondHopClient.class);
        try {
            return Json.createObjectBuilder().add("second", client.second()).build();
        } finally {
            ((AutoCloseable) client).close();
        }
    }

    /**
     * Calls the second hop with an {@code X-Request-ID} of the application's own choosing ({@code id}), through the
     * Jakarta REST client or ({@code via=rest-client}) MicroProfile Rest Client.
     */
    @GET
    @Path("first-own-id")
    public JsonObject firstWithOwnId(@Context UriInfo uri, @QueryParam("id") String id,
            @QueryParam("via") String via) throws Exception {
        LOG.info("first_hop");
        if ("rest-client".equals(via)) {
            SecondHopClient client = RestClientBuilder.newBuilder().baseUri(uri.getBaseUri())
                    .build(SecondHopClient.class);
            try {
                return Json.createObjectBuilder().add("second", client.second(id)).build();
            } finally {
                ((AutoCloseable) client).close();
            }
        }
        Client client = ClientBuilder.newClient();
        try {
            JsonObject second = client.target(uri.getBaseUriBuilder().path("hop/second").build())
                    .request(MediaType.APPLICATION_JSON).header("X-Request-ID", id).get(JsonObject.class);
            return Json.createObjectBuilder().add("second", second).build();
        } finally {
            client.close();
        }
    }

    /** Reports the propagation headers it received. */
    @GET
    @Path("second")
    public JsonObject second(@HeaderParam("traceparent") String traceparent,
            @HeaderParam("X-Request-ID") List<String> requestIds, @HeaderParam("baggage") String baggage) {
        LOG.info("second_hop");
        return Json.createObjectBuilder()
                .add("traceparent", traceparent == null ? "" : traceparent)
                .add("requestId", requestIds == null ? "" : String.join(",", requestIds))
                .add("baggage", baggage == null ? "" : baggage)
                .build();
    }
}
