package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.ProbeResource;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;
import dev.observe.ee.it.app.TracedProbe;
import dev.observe.ee.it.app.TracedService;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployer;
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
 * A bad {@code otel.*} or {@code observe.*} value fails the deployment with one message naming each key, its
 * value and what is allowed; the header value, which may hold a token, is never shown.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class ConfigValidationIT {

    @Deployment(name = "bad-config", managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.war("bad-config", TestApplication.class, ProbeResource.class, SpanJson.class,
                        TracedProbe.class, TracedService.class)
                .addAsResource(new StringAsset("otel.traces.sampler=parentbased_traceidratio\n"
                        + "otel.traces.sampler.arg=1.5\n"
                        + "otel.exporter.otlp.endpoint=collector:4317\n"
                        + "otel.exporter.otlp.headers=Bearer top-secret-token\n"
                        + "observe.sampling.ratio=2\n"
                        + "observe.log.format=xml\n"
                        + "observe.log.rename=event=msg,level=logger\n"), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    Deployer deployer;

    @BeforeAll
    static void captureServerOutput() {
        ServerOutput.install();
    }

    @Test
    void theDeploymentFailsNamingEveryBadKey() throws Exception {
        boolean deployed = false;
        try {
            deployer.deploy("bad-config");
            deployed = true;
        } catch (Exception expected) {
            // the deployment must fail
        } finally {
            try {
                deployer.undeploy("bad-config");
            } catch (Exception notThere) {
                // nothing was deployed
            }
        }
        if (deployed) {
            // Payara Micro's adapter reports no failed deployment (its server gives up instead); the application
            // must still not be there.
            URL probe = new URL("http://127.0.0.1:" + System.getProperty("it.port") + "/bad-config/");
            int status;
            try {
                status = Http.get(probe, "probe/span").statusCode();
            } catch (java.io.IOException nothingListening) {
                status = 0;
            }
            assertTrue(status == 0 || status == 404, "a bad configuration must fail the deployment, "
                    + "yet the application answered " + status);
        }
        for (String expected : List.of("observe.sampling.ratio='2'", "observe.log.format='xml'",
                "otel.traces.sampler.arg='1.5'", "otel.exporter.otlp.endpoint='collector:4317'",
                "otel.exporter.otlp.headers=", "from 0 to 1", "observe.log.rename='level=logger'")) {
            assertFalse(ServerOutput.awaitLine(expected).isEmpty(), "names " + expected);
        }
        // An absence. The names above are all in the deployment's one failure message, which is where the header's
        // value would be: seeing them proves that message has been relayed. A copy of it printed elsewhere by the
        // server would follow it; the absence is held for 1.5 s, what each of the waits above used to add.
        Awaits.await("the header value never shown").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertEquals(List.of(), ServerOutput.linesContaining("top-secret-token"),
                        "the header value is never shown"));
    }
}
