package dev.observe.ee.internal.telemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;

/**
 * The OpenTelemetry SDK the library builds for an application on a runtime without MicroProfile Telemetry, the
 * way such a runtime would: OpenTelemetry's own autoconfiguration, fed with the application's {@code otel.*}
 * MicroProfile Config keys (so environment variables and profiles work as everywhere else), with every
 * {@code AutoConfigurationCustomizerProvider} the application carries, observe-ee's included. It becomes the
 * application's global OpenTelemetry (the API lives in the application's own WAR, so "global" is per
 * application) and is flushed and shut down when the application undeploys.
 *
 * <p>Only loaded when the runtime has no OpenTelemetry: its classes come from the jars the application adds for
 * that case (docs/tracing.md).
 */
public final class LibrarySdk {

    static final String SDK_DISABLED = "otel.sdk.disabled";
    static final String SERVICE_NAME = "otel.service.name";

    private final OpenTelemetrySdk sdk;

    private LibrarySdk(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
    }

    /** Builds the SDK, or returns null when {@code otel.sdk.disabled=true} asks for none. */
    public static LibrarySdk start(Config config, ClassLoader application, String applicationName) {
        Map<String, String> properties = otelProperties(config, applicationName);
        if (Boolean.parseBoolean(properties.get(SDK_DISABLED))) {
            return null;
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .setServiceClassLoader(application)
                .addPropertiesSupplier(() -> properties)
                // Shut down at undeploy, not at JVM exit: a shutdown hook would pin the application's loader.
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        try {
            GlobalOpenTelemetry.set(sdk);
        } catch (IllegalStateException alreadyAskedFor) {
            // Something asked for the global instance before deployment finished and was handed the no-op one;
            // this SDK must still become the one the application's code finds from now on.
            GlobalOpenTelemetry.resetForTest();
            GlobalOpenTelemetry.set(sdk);
        }
        return new LibrarySdk(sdk);
    }

    /** Every {@code otel.*} key the application's configuration has, with the service name defaulted. */
    static Map<String, String> otelProperties(Config config, String applicationName) {
        Map<String, String> properties = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("otel.")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
            }
        }
        // Environment variables reach MicroProfile Config under their own names (OTEL_SERVICE_NAME) and are only
        // found when asked for by key; ask for the keys the SDK reads most.
        for (String key : List.of(SDK_DISABLED, SERVICE_NAME, "otel.traces.exporter", "otel.metrics.exporter",
                "otel.logs.exporter", "otel.exporter.otlp.endpoint", "otel.exporter.otlp.protocol",
                "otel.exporter.otlp.headers", "otel.traces.sampler", "otel.traces.sampler.arg",
                "otel.propagators", "otel.resource.attributes")) {
            config.getOptionalValue(key, String.class).ifPresent(value -> properties.put(key, value));
        }
        if (!properties.containsKey(SERVICE_NAME) && applicationName != null) {
            properties.put(SERVICE_NAME, applicationName);
        }
        return properties;
    }

    public OpenTelemetry openTelemetry() {
        return sdk;
    }

    /** Exports what was ended before undeploy, then releases the SDK; waits at most ten seconds. */
    public void shutdown() {
        CompletableResultCode.ofAll(List.of(sdk.getSdkTracerProvider().shutdown(),
                        sdk.getSdkMeterProvider().shutdown(), sdk.getSdkLoggerProvider().shutdown()))
                .join(10, TimeUnit.SECONDS);
    }
}
