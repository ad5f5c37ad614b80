package dev.observe.demo;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Reserves stock through the inventory endpoint, over HTTP with the Jakarta REST client, as the guide's
 * {@code call_external_service}. Nothing here propagates anything: the runtime's instrumentation sends
 * {@code traceparent}, and observe-ee adds {@code X-Request-ID}.
 */
@ApplicationScoped
public class InventoryClient {

    private final Client client = ClientBuilder.newClient();

    @Inject
    HttpServletRequest request;

    public void reserve(String sku, int quantity) {
        // This application serves the inventory too: address it where the current request came in.
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/api";
        try (Response response = client.target(base).path("inventory/{sku}/reservations")
                .resolveTemplate("sku", sku)
                .request(MediaType.APPLICATION_JSON)
                .post(Entity.json(Json.createObjectBuilder().add("quantity", quantity).build()))) {
            if (response.getStatus() != Response.Status.CREATED.getStatusCode()) {
                throw new IllegalStateException("inventory refused " + sku + ": HTTP " + response.getStatus());
            }
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
