package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.Observe;
import dev.observe.ee.it.app.ProbeResource;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;
import dev.observe.ee.it.app.TracedProbe;
import dev.observe.ee.it.app.TracedService;

import jakarta.json.JsonObject;

import java.net.URL;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code observe.enabled=false} (issue 12): the jar stays in the WAR and the application deploys and serves as
 * before, but nothing of the library's runs in a request: no request id on the response, no {@code @Traced} span;
 * the runtime still records its SERVER span (the jar's configuration defaults stay). (What that saves is measured
 * by {@link RequestCost}.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class SwitchedOffIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("switched-off", TestApplication.class, ProbeResource.class, SpanJson.class,
                        TracedProbe.class, TracedService.class)
                .addAsResource(new StringAsset("observe.enabled=false\n"), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void nothingOfTheLibraryRunsInARequest() throws Exception {
        HttpResponse<String> response = Http.get(base, "probe/traced", Observe.REQUEST_ID_HEADER, "caller-1");

        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.headers().firstValue(Observe.REQUEST_ID_HEADER).isPresent(),
                "no request id from a switched-off library: " + response.headers().map());
        JsonObject result = Http.json(response);
        JsonObject server = result.getJsonObject("server");
        JsonObject traced = result.getJsonObject("method");
        assertEquals(server.getString("spanId"), traced.getString("spanId"),
                "@Traced is inert: the method runs in the request's span, no span of its own: " + result);
        if (Deployments.bareRuntime()) {
            assertFalse(server.getBoolean("valid"), "no SDK from the library on a bare runtime: " + server);
        } else {
            assertTrue(server.getBoolean("recording"), "the runtime's own SERVER span, the SDK still switched on "
                    + "by the jar's defaults: " + server);
        }
    }
}
