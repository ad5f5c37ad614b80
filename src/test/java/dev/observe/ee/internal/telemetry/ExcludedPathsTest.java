package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.config.TracingSettings;
import dev.observe.ee.internal.semconv.SemanticAttributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExcludedPathsTest {

    @Test
    void patternsMatchBelowTheContextRoot() {
        ExcludedPaths paths = ExcludedPaths.DEFAULT.withContextPath("/shop");
        assertTrue(paths.excludes("/shop/health"));
        assertTrue(paths.excludes("/shop/health/ready"));
        assertTrue(paths.excludes("/shop/metrics"));
        assertTrue(paths.excludes("/shop/openapi/ui"));
        assertFalse(paths.excludes("/shop/api/orders"));
        assertFalse(paths.excludes("/shop/api/health"));
        assertFalse(paths.excludes("/shopping/health"), "another context root");
        assertFalse(paths.excludes(null));
    }

    @Test
    void theContextRootItselfIsTheRootPath() {
        ExcludedPaths paths = ExcludedPaths.DEFAULT.withPatterns(List.of("/", "/*.ico")).withContextPath("/shop");
        assertTrue(paths.excludes("/shop"));
        assertTrue(paths.excludes("/shop/"));
        assertFalse(paths.excludes("/shop/orders"));
        assertTrue(paths.excludes("/shop/favicon.ico"), "a pattern whose literal start is the root");
        assertFalse(ExcludedPaths.DEFAULT.withPatterns(List.of()).excludes("/health"), "no patterns");
    }

    @Test
    void globsWithStarAndQuestionMarkAndLiteralCharacters() {
        ExcludedPaths paths = ExcludedPaths.DEFAULT.withPatterns(List.of("/api/v?/ping", "/static/*.css", "/a+b"));
        assertTrue(paths.excludes("/api/v1/ping"));
        assertFalse(paths.excludes("/api/v10/ping"));
        assertTrue(paths.excludes("/static/site/main.css"));
        assertTrue(paths.excludes("/a+b"));
        assertFalse(paths.excludes("/aab"), "regex characters are literal");
        assertFalse(paths.excludes("/health"), "replaced, not added to");
    }

    @Test
    void untilTheConfigurationIsReadTheDocumentedDefaultsApply() {
        assertEquals(List.of("/health*", "/metrics*", "/openapi*"), TracingSettings.DEFAULT_EXCLUDE_PATHS);
        assertTrue(ExcludedPaths.DEFAULT.excludes("/metrics/base"));
        assertTrue(ExcludedPaths.DEFAULT.excludes("/openapi"));
        assertFalse(ExcludedPaths.DEFAULT.excludes("/orders"));
    }

    @Test
    void samplerDropsOnlyServerSpansOfExcludedPaths() {
        Sampler sampler = new ExcludedPathsSampler(Sampler.alwaysOn(),
                DeployedApplicationTest.application("observe.tracing.exclude-paths", "/health*,/metrics*"));
        assertEquals(SamplingDecision.DROP, decision(sampler, SpanKind.SERVER,
                Attributes.of(SemanticAttributes.URL_PATH, "/health")));
        assertEquals(SamplingDecision.DROP, decision(sampler, SpanKind.SERVER,
                Attributes.of(SemanticAttributes.HTTP_TARGET, "/metrics?format=json")));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decision(sampler, SpanKind.SERVER,
                Attributes.of(SemanticAttributes.URL_PATH, "/orders")));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decision(sampler, SpanKind.CLIENT,
                Attributes.of(SemanticAttributes.URL_PATH, "/health")));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decision(sampler, SpanKind.SERVER, Attributes.empty()));
    }

    private static SamplingDecision decision(Sampler sampler, SpanKind kind, Attributes attributes) {
        return sampler.shouldSample(Context.root(), "4bf92f3577b34da6a3ce929d0e0e4736", "GET", kind, attributes,
                List.of()).getDecision();
    }
}
