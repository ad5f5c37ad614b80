package dev.observe.ee.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

/** {@code http.route}: the path template, slashes normalised, never the concrete path. */
class RouteTemplatesTest {

    @Path("/orders/")
    static class Orders {
        @GET
        @Path("{id}/items/{item}")
        public void item() {
        }

        @GET
        public void list() {
        }
    }

    /** What a CDI container hands over: a subclass of the resource, without its own {@code @Path}. */
    static class OrdersProxy extends Orders {
    }

    @Path("/")
    static class Root {
        @GET
        public void root() {
        }
    }

    @Test
    void contextPathServletPathClassAndMethodTemplates() throws Exception {
        assertEquals("/shop/api/orders/{id}/items/{item}",
                RouteTemplates.route("/shop", "/api", Orders.class, Orders.class.getMethod("item")));
    }

    @Test
    void slashesAreNormalisedWhereverTheyAreWritten() throws Exception {
        assertEquals("/shop/api/orders", RouteTemplates.route("/shop/", "api/", Orders.class,
                Orders.class.getMethod("list")));
        assertEquals("/orders", RouteTemplates.route("", "", Orders.class, Orders.class.getMethod("list")));
    }

    @Test
    void theClassPathIsFoundOnTheSuperclassOfAProxy() throws Exception {
        assertEquals("/api/orders/{id}/items/{item}",
                RouteTemplates.route("", "/api", OrdersProxy.class, Orders.class.getMethod("item")));
    }

    @Test
    void anApplicationAtTheRootHasTheRootRoute() throws Exception {
        assertEquals("/", RouteTemplates.route("", "", Root.class, Root.class.getMethod("root")));
        assertEquals("/", RouteTemplates.route(null, null, Root.class, null));
    }
}
