package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.config.OpenTelemetrySettings;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry SDK the library builds for an application on a runtime without MicroProfile Telemetry, the
 * way such a runtime would: OpenTelemetry's own autoconfiguration, fed with every {@code otel.*} key of the
 * application's MicroProfile Config (so environment variables and profiles work as everywhere else), with every
 * {@code AutoConfigurationCustomizerProvider} the application carries, observe-ee's included. It becomes the
 * application's global OpenTelemetry (the API lives in the application's own WAR, so "global" is per
 * application) and is flushed and shut down when the application undeploys.
 *
 * <p>Only loaded when the runtime has no OpenTelemetry: its classes come from the jars the application adds for
 * that case (docs/tracing.md).
 */
public final class LibrarySdk {

    static final String SERVICE_NAME = "otel.service.name";

    private final OpenTelemetrySdk sdk;

    private LibrarySdk(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
    }

    /** Builds the SDK, or returns null when {@code otel.sdk.disabled=true} asks for none. */
    public static LibrarySdk start(OpenTelemetrySettings settings, ClassLoader application, String applicationName) {
        if (settings.sdkDisabled()) {
            return null;
        }
        Map<String, String> properties = otelProperties(settings, applicationName);
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

    /**
     * Every {@code otel.*} key of the application's configuration (environment variables and profiles included,
     * see {@link OpenTelemetrySettings}), with the service name defaulted to the application's.
     */
    static Map<String, String> otelProperties(OpenTelemetrySettings settings, String applicationName) {
        Map<String, String> properties = new HashMap<>(settings.properties());
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
