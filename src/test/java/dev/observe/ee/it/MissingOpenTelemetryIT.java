package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.observe.ee.it.app.ProbeResource;
import dev.observe.ee.it.app.TestApplication;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a runtime without MicroProfile Telemetry, a WAR that carries observe-ee but no OpenTelemetry gets a message
 * that says what to add, instead of only class-loading errors and a silently ignored CDI extension. The library's
 * servlet initializer fails; Open Liberty logs that as a warning and starts the application without the library
 * (it does not fail a deployment for an initializer's exception). Runs on Open Liberty without {@code mpTelemetry}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnLibertyBare
class MissingOpenTelemetryIT {

    @Deployment(name = "no-opentelemetry", managed = false, testable = false)
    static WebArchive deployment() {
        // Not Deployments.war: that one adds the OpenTelemetry jars this test leaves out.
        return ShrinkWrap.create(WebArchive.class, "no-opentelemetry.war")
                .addClasses(TestApplication.class, ProbeResource.class)
                .addAsLibrary(Deployments.libraryJar());
    }

    @ArquillianResource
    Deployer deployer;

    @BeforeAll
    static void captureServerOutput() {
        ServerOutput.install();
    }

    @Test
    void theServerSaysWhatToAdd() throws Exception {
        try {
            deployer.deploy("no-opentelemetry");
        } catch (RuntimeException failed) {
            // a runtime that fails the deployment for it is just as right; the message is what is checked
        }
        try {
            assertFalse(ServerOutput.awaitLine("observe-ee needs the OpenTelemetry API").isEmpty(),
                    "the server's output names the problem and the fix");
        } finally {
            try {
                deployer.undeploy("no-opentelemetry");
            } catch (RuntimeException alreadyGone) {
                // a deployment that failed may be gone already
            }
        }
    }
}
