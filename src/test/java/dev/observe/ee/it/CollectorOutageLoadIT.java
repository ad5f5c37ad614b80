package dev.observe.ee.it;

import static dev.observe.ee.it.CollectorOutage.REQUESTS;
import static dev.observe.ee.it.CollectorOutage.load;
import static dev.observe.ee.it.CollectorOutage.port;
import static dev.observe.ee.it.Deployments.server;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How much a dead or stalled collector costs a request, measured; with {@code -Pload} only (tag {@code load}), since
 * its bounds are timings and a heap size that a busy shared machine can break (docs/performance.md has the command
 * and the numbers). The same bounded load (8 clients, 2 000 requests of four spans each, after a whole unmeasured run
 * to warm up) with the OTLP endpoint served by a healthy receiver, then by nothing (a closed port), then by a server
 * that accepts connections and never answers, then by a healthy receiver again. Request latency is compared with
 * the healthy runs' mean; a request that waited for the exporter (whose timeout is 10 s) would show at once. The
 * receiver runs in the test JVM, on the same two cores as the server. The heap after a full collection, with the
 * stalled collector holding exports open and the batch queue full, stays within a bound. (That no request waits for
 * the collector at all is checked in every build by {@link CollectorOutageIT}; how often the failures are logged by
 * {@link EnvironmentConfiguredExport}.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@Tag(RuntimeTagsTest.LOAD)
class CollectorOutageLoadIT {

    private static final int WARM_UP = 300;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CollectorOutage.deployment();
    }

    @ArquillianResource
    URL base;

    @Test
    void requestsDoNotWaitForADeadOrStalledCollector() throws Exception {
        HttpClient client = CollectorOutage.client();
        Run healthy;
        try (OtlpReceiver receiver = OtlpReceiver.http(port())) {
            // A whole run first, not measured: the server's JIT is still warming up after the first few thousand
            // requests, which would flatter whichever runs come later.
            load(client, base, "warming up", WARM_UP);
            healthy = load(client, base, "healthy", WARM_UP);
            CollectorOutage.awaitExport(receiver);
        }
        long healthyHeap = usedHeap();
        Run dead = load(client, base, "dead (port closed)", WARM_UP);
        Run stalled;
        long stalledHeap;
        try (StallingServer ignored = new StallingServer(port())) {
            stalled = load(client, base, "stalled (never answers)", WARM_UP);
            stalledHeap = usedHeap();
        }
        Run healthyAgain;
        try (OtlpReceiver receiver = OtlpReceiver.http(port())) {
            healthyAgain = load(client, base, "healthy again", WARM_UP);
        }
        // The reference is the mean of the two healthy runs, one before and one after the outages: Payara Micro's
        // JIT is still settling during the first runs, which flatters whichever comes later.
        double reference = (healthy.meanMillis() + healthyAgain.meanMillis()) / 2;
        System.out.println("CollectorOutageLoadIT " + server() + ": " + healthy + "; " + dead + "; " + stalled + "; "
                + healthyAgain + String.format("; mean ratios against the healthy runs' mean (%.2f ms): dead %.2f, "
                        + "stalled %.2f", reference, dead.meanMillis() / reference, stalled.meanMillis() / reference)
                + String.format("; heap after GC: healthy %.1f MB, stalled %.1f MB", healthyHeap / 1e6,
                        stalledHeap / 1e6));
        for (Run outage : List.of(dead, stalled)) {
            // Generous bounds for a shared 2-core machine; the measured ratios are in docs/performance.md.
            assertTrue(outage.meanMillis() <= reference * 1.5 + 2, outage + " vs healthy " + healthy + ", "
                    + healthyAgain);
            assertTrue(outage.maxMillis() < 2_000, "no request waited for the exporter: " + outage);
        }
        // Bounded by design: the batch processor's queue (2 048 spans) and exports in flight until they time out.
        assertTrue(stalledHeap - healthyHeap < 64_000_000L, String.format(
                "heap after GC grew from %.1f MB to %.1f MB", healthyHeap / 1e6, stalledHeap / 1e6));
    }

    private long usedHeap() throws Exception {
        return Http.json(Http.get(base, "server-state/heap")).getJsonNumber("used").longValue();
    }
}
