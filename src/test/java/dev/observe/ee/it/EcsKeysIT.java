package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.LogProbeResource;
import dev.observe.ee.it.app.ProbeResource;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;
import dev.observe.ee.it.app.TracedProbe;
import dev.observe.ee.it.app.TracedService;

import jakarta.json.JsonObject;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11 §8 under the {@code ecs} schema, through a real line: a user's {@code error} field next to the
 * exception's {@code error.type} is a value and an object at once once Elasticsearch expands the dots, and the
 * document is rejected; the user's key moves aside instead.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class EcsKeysIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("ecs-keys", TestApplication.class, LogProbeResource.class, ProbeResource.class,
                SpanJson.class, TracedProbe.class, TracedService.class).addAsResource(new StringAsset("observe.log.schema=ecs\n"),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void captureServerOutput() {
        ServerOutput.install();
    }

    @Test
    void aUserKeyThatIsTheParentOfAStandardFieldMovesAside() throws Exception {
        String marker = "ecs-" + UUID.randomUUID();
        HttpResponse<String> response = Http.get(base, "log/ecs-keys?marker=" + marker, "X-Request-ID", marker);
        assertEquals(200, response.statusCode(), response.body());

        String line = ServerOutput.awaitLines(marker, 1).get(0);
        JsonObject json = ServerOutput.parseOrNull(line);
        assertTrue(json != null, line);
        assertEquals(IllegalStateException.class.getName(), json.getString("error.type"), line);
        assertFalse(json.containsKey("error"), "no error value next to error.type: " + line);
        assertFalse(json.containsKey("log"), "no log value next to log.level: " + line);
        assertEquals("x", json.getString("fields.error"), line);
        assertEquals("y", json.getString("fields.log"), line);
        assertEquals("z", json.getString("fields.log.level"), line);
    }
}
