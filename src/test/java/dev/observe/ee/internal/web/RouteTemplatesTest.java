package dev.observe.ee.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

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

    /** Issue 11 §9: a sub-resource reached through two locators of one resource, and one of another. */
    @Path("probe/route")
    static class Locators {
        @Path("locator/{id}")
        public Items locator() {
            return new Items();
        }

        @Path("other/{name: [a-z]+}/")
        public Items other() {
            return new Items();
        }

        @Path("class")
        public Class<Items> byClass() {
            return Items.class;
        }

        @GET
        @Path("locator/{id}/plain")
        public String notALocator() {
            return "";
        }
    }

    @Path("catalog")
    static class Catalog {
        @Path("{section}")
        public Object section() {
            return new Items();
        }
    }

    static class Items {
        @GET
        @Path("items/{itemId}")
        public String item() {
            return "";
        }

        @GET
        public String all() {
            return "";
        }
    }

    @Test
    void aSubResourceRouteHoldsTheLocatorsTemplate() throws Exception {
        RouteTemplates.SubResourceRoutes routes = RouteTemplates.subResourceRoutes("/shop", "/api",
                List.of(Catalog.class, Items.class), Items.class.getMethod("item"));
        assertEquals("/shop/api/catalog/{section}/items/{itemId}", routes.pick("catalog/books/items/7"));
    }

    @Test
    void oneSubResourceMethodThroughSeveralLocatorsIsNamedAfterTheOneTaken() throws Exception {
        RouteTemplates.SubResourceRoutes routes = RouteTemplates.subResourceRoutes("", "/api",
                List.of(Locators.class, Items.class), Items.class.getMethod("item"));
        assertEquals("/api/probe/route/locator/{id}/items/{itemId}", routes.pick("probe/route/locator/42/items/7"));
        assertEquals("/api/probe/route/other/{name: [a-z]+}/items/{itemId}",
                routes.pick("/probe/route/other/abc/items/7/"));
        assertEquals("/api/probe/route/class/items/{itemId}", routes.pick("probe/route/class/items/7"));
        RouteTemplates.SubResourceRoutes all = RouteTemplates.subResourceRoutes("", "/api",
                List.of(Locators.class, Items.class), Items.class.getMethod("all"));
        assertEquals("/api/probe/route/locator/{id}", all.pick("probe/route/locator/42"));
        assertEquals("/api/probe/route/other/{name: [a-z]+}", all.pick("probe/route/other/abc"));
    }

    @Test
    void plainTemplatesMatchSegmentBySegmentAsTheirPatternDoes() {
        List<String> templates = List.of("probe/route/locator/{id}/items/{itemId}", "a/{x}", "{x}/b", "a.b/{x}");
        List<String> paths = List.of("probe/route/locator/42/items/7", "probe/route/locator//items/7",
                "probe/route/locator/4/2/items/7", "probe/route/locator/42/items/7/x", "a/1", "a/", "a", "1/b",
                "/b", "a.b/1", "aXb/1", "probe/route/locator/42/items");
        for (String template : templates) {
            assertTrue(RouteTemplates.isSimple(template), template);
            for (String path : paths) {
                assertEquals(RouteTemplates.pattern(template).matcher(path).matches(),
                        RouteTemplates.matchesSimple(template, path, 0, path.length()), template + " ~ " + path);
            }
        }
        assertFalse(RouteTemplates.isSimple("a/{n: [0-9]+}"));
        assertFalse(RouteTemplates.isSimple("a/{n}.json"));
        assertFalse(RouteTemplates.isSimple("a/x{n}"));
    }

    @Test
    void templatesMatchAsJaxRsMatchesThem() {
        assertTrue(RouteTemplates.pattern("locator/{id}/items").matcher("locator/4.2/items").matches());
        assertFalse(RouteTemplates.pattern("locator/{id}/items").matcher("locator/4/2/items").matches());
        assertTrue(RouteTemplates.pattern("a/{n: [0-9]{3}}").matcher("a/123").matches());
        assertFalse(RouteTemplates.pattern("a/{n: [0-9]{3}}").matcher("a/1234").matches());
        assertFalse(RouteTemplates.pattern("a.b/{x}").matcher("aXb/1").matches(), "literals are literal");
        assertFalse(RouteTemplates.pattern("a/{n: [}").matcher("a/[").matches(), "a broken regex matches nothing");
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
