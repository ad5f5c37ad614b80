package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * The library's configuration defaults sit below the application's: a WAR whose own
 * {@code microprofile-config.properties} says {@code otel.sdk.disabled=true} gets no SDK, whatever the library's
 * jar says. (The counterpart, defaults applying when the application says nothing, is {@link SpansIT}.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
class ConfigOverrideIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("config-override", TestApplication.class, ProbeResource.class, SpanJson.class,
                        TracedProbe.class, TracedService.class)
                .addAsResource(new StringAsset("otel.sdk.disabled=true\n"), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void applicationConfigurationOverridesTheLibraryDefaults() throws Exception {
        HttpResponse<String> response = Http.get(base, "probe/span");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject span = Http.json(response).getJsonObject("server");
        assertFalse(span.getBoolean("valid"), "the application disabled the SDK: " + span);
        assertFalse(span.getBoolean("recording"), String.valueOf(span));
    }
}
