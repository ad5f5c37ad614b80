package dev.observe.ee.it;

import static dev.observe.ee.it.CollectorOutage.load;
import static dev.observe.ee.it.CollectorOutage.port;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.CollectorOutage.Run;
import dev.observe.ee.it.CollectorOutage.StallingServer;

import java.net.URL;
import java.net.http.HttpClient;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A dead or stalled collector never blocks a request: with the OTLP endpoint served by a healthy receiver (which
 * gets the spans: export is on), then by nothing (a closed port), then by a server that accepts connections and never
 * answers, the same bounded load (8 clients, 2 000 requests of four spans each, enough to fill the batch queue) is
 * answered 200 every time, and the slowest request stays under half the exporter's 10 s timeout: a bound only a
 * request that waited for the exporter comes near, whatever else the machine is doing. What an outage costs, in
 * latency ratios and heap, is measured by {@link CollectorOutageLoadIT} with {@code -Pload}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
class CollectorOutageIT {

    /** Half the OTLP exporter's default timeout (10 s). */
    private static final double WAITED_FOR_THE_EXPORTER_MILLIS = 5_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CollectorOutage.deployment();
    }

    @ArquillianResource
    URL base;

    @Test
    void requestsDoNotWaitForADeadOrStalledCollector() throws Exception {
        HttpClient client = CollectorOutage.client();
        try (OtlpReceiver receiver = OtlpReceiver.http(port())) {
            load(client, base, "healthy", 0);
            CollectorOutage.awaitExport(receiver);
        }
        Run dead = load(client, base, "dead (port closed)", 0);
        Run stalled;
        try (StallingServer ignored = new StallingServer(port())) {
            stalled = load(client, base, "stalled (never answers)", 0);
        }
        System.out.println("CollectorOutageIT " + Deployments.server() + ": " + dead + "; " + stalled);
        for (Run outage : List.of(dead, stalled)) {
            assertTrue(outage.maxMillis() < WAITED_FOR_THE_EXPORTER_MILLIS,
                    "no request waited for the exporter: " + outage);
        }
    }
}
