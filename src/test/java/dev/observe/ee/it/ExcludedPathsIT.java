package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.observe.ee.it.app.OperationsResource;
import dev.observe.ee.it.app.SpanCollector;
import dev.observe.ee.it.app.TestApplication;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests to {@code /health*}, {@code /metrics*} and {@code /openapi*} (below the context root) produce no span by
 * default ({@code observe.tracing.exclude-paths}); other paths are traced as usual.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class ExcludedPathsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSpanCollector(Deployments.war("excluded-paths", TestApplication.class,
                OperationsResource.class));
    }

    @ArquillianResource
    URL base;

    @ParameterizedTest
    @CsvSource({"health, 0", "health/ready, 0", "metrics, 0", "metrics/base/cpu, 0", "openapi, 0",
        "orders, 1", "orders/health, 1"})
    void excludedPathsHaveNoSpan(String path, int spans) throws Exception {
        assertSpans(path, spans);
    }

    private void assertSpans(String path, int expected) throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        assertEquals(200, Http.get(base, path, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .statusCode(), path);
        // Spans are collected when they end, which may be just after the response.
        if (expected > 0) {
            int spans = Awaits.atLeast("spans of " + path, () -> Spans.trace(base, "collected-spans", traceId),
                    expected, Duration.ofSeconds(10)).size();
            assertEquals(expected, spans, path);
        } else {
            // An absence with no later marker to prove it: held for 1.5 s, as long as a span would have had.
            Awaits.await("no span of " + path).during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                    .untilAsserted(() -> assertEquals(0, Spans.trace(base, "collected-spans", traceId).size(), path));
        }
    }
}
