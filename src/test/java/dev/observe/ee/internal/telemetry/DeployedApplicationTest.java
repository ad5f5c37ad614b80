package dev.observe.ee.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.internal.config.MapConfig;
import dev.observe.ee.internal.config.ObserveConfiguration;
import dev.observe.ee.internal.config.ProviderNames;
import dev.observe.ee.internal.semconv.SemanticAttributes;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.resources.Resource;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DeployedApplicationTest {

    /** An application whose configuration is {@code keyValues}. */
    static DeployedApplication application(String... keyValues) {
        return new DeployedApplication(() -> ObserveConfiguration.read(MapConfig.of(keyValues).values(),
                ProviderNames.NONE, "shop", false));
    }

    private final AtomicInteger reads = new AtomicInteger();
    private final DeployedApplication application = new DeployedApplication(() -> {
        reads.incrementAndGet();
        return ObserveConfiguration.read(MapConfig.of("observe.service.version", "1.4.2",
                "observe.tracing.exclude-paths", "/ping").values(), ProviderNames.NONE, "shop", false);
    });

    @Test
    void theSdksCustomizerReadsTheConfigurationFirstAndTheExtensionGetsTheSameObject() {
        // Open Liberty's order: the runtime builds the application's SDK before the CDI extensions run.
        AutoConfiguredOpenTelemetrySdk sdk = sdkCustomizedFor(application);
        try {
            assertEquals(1, reads.get(), "read by the customizer");
            ObserveConfiguration seenByTheExtension = application.configuration();
            assertSame(seenByTheExtension, application.configuration());
            assertEquals(1, reads.get(), "read once per application");
            assertEquals("1.4.2", resource.get().getAttribute(SemanticAttributes.SERVICE_VERSION),
                    "the customizer applied the configuration it read");
        } finally {
            sdk.getOpenTelemetrySdk().close();
        }
    }

    @Test
    void theExtensionReadsTheConfigurationFirstAndTheCustomizerGetsTheSameObject() {
        // Payara Micro's order: the extension's AfterBeanDiscovery, then Payara builds the SDK.
        ObserveConfiguration seenByTheExtension = application.configuration();
        AutoConfiguredOpenTelemetrySdk sdk = sdkCustomizedFor(application);
        try {
            assertEquals(1, reads.get());
            assertSame(seenByTheExtension, application.configuration());
            assertEquals("1.4.2", resource.get().getAttribute(SemanticAttributes.SERVICE_VERSION));
        } finally {
            sdk.getOpenTelemetrySdk().close();
        }
    }

    @Test
    void lifecycleFromDeploymentToUndeployment() {
        // Before deployment: nothing set, no span anywhere, the documented default paths excluded.
        assertFalse(application.openTelemetry().getTracer("t").spanBuilder("s").startSpan().getSpanContext()
                .isValid());
        assertTrue(application.excludes("/health"));
        assertFalse(application.excludes("/ping"));

        // Deployment, in either order of the servlet initializer and the configuration.
        application.useContextPath("/shop");
        application.configuration();
        OpenTelemetry sdk = OpenTelemetrySdk.builder().build();
        application.useOpenTelemetry(sdk);
        assertSame(sdk, application.openTelemetry());
        assertTrue(application.excludes("/shop/ping"), "the configured patterns, below the context root");
        assertFalse(application.excludes("/shop/health"), "the configured patterns replace the defaults");
        assertFalse(application.excludes("/other/ping"), "below another context root");

        // Undeployment forgets everything.
        application.undeployed();
        assertSame(OpenTelemetry.noop(), application.openTelemetry());
        assertTrue(application.excludes("/health"));
        assertFalse(application.excludes("/shop/ping"));
        application.configuration();
        assertEquals(2, reads.get(), "read afresh, not kept from before the undeployment");
    }

    @Test
    void theContextPathMayComeAfterTheConfiguration() {
        application.configuration();
        application.useContextPath("/shop");
        assertTrue(application.excludes("/shop/ping"));
    }

    @Test
    void theApplicationsOwnStateIsOneObject() {
        assertSame(DeployedApplication.current(), DeployedApplication.current());
    }

    /** The resource the SDK was built with, as observe-ee's resource customizer left it. */
    private final java.util.concurrent.atomic.AtomicReference<Resource> resource =
            new java.util.concurrent.atomic.AtomicReference<>();

    private AutoConfiguredOpenTelemetrySdk sdkCustomizedFor(DeployedApplication application) {
        AutoConfiguredOpenTelemetrySdkBuilder builder = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of("otel.traces.exporter", "none", "otel.metrics.exporter",
                        "none", "otel.logs.exporter", "none"))
                // No providers from the test class path: observe-ee's own is what this test calls by hand.
                .setServiceClassLoader(new ClassLoader(null) { })
                .disableShutdownHook();
        ObserveAutoConfiguration.customize(builder, application);
        builder.addResourceCustomizer((customized, config) -> {
            resource.set(customized);
            return customized;
        });
        return builder.build();
    }
}
