package dev.observe.ee.it.app;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test applications' one in-memory span collector, plugged into the application's OpenTelemetry SDK (the
 * runtime's, or on a runtime without MicroProfile Telemetry the library's) through OpenTelemetry's
 * autoconfiguration SPI, in one of two places; {@link CollectedSpansResource} reports what it kept.
 * <ul>
 * <li>As listed, an {@link AutoConfigurationCustomizerProvider}: a span processor that keeps every span the SDK
 * ends, at once, before any sampler or exporter customizer ({@code Deployments.withSpanCollector}).
 * <li>{@link Exporter}, a {@link ConfigurableSpanExporterProvider} chosen with
 * {@code otel.traces.exporter=observe-test}: keeps exactly what the SDK exports, after every exporter customizer
 * (the tail sampler's included) ({@code Deployments.withSpanExporter}).
 * </ul>
 * OpenTelemetry's own {@code InMemorySpanExporter} ({@code opentelemetry-sdk-testing}) is in no runtime and in no
 * test WAR, hence this class. Each deployment has its own copy of {@link #SPANS} (its own class loader).
 */
public class SpanCollector implements AutoConfigurationCustomizerProvider {

    /** What this deployment's collector kept, in the order the SDK handed it over. */
    static final List<SpanData> SPANS = new CopyOnWriteArrayList<>();

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addTracerProviderCustomizer((builder, config) -> builder.addSpanProcessor(new SpanProcessor() {
            @Override
            public void onStart(Context parent, ReadWriteSpan span) {
            }

            @Override
            public boolean isStartRequired() {
                return false;
            }

            @Override
            public void onEnd(ReadableSpan span) {
                SPANS.add(span.toSpanData());
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }
        }));
    }

    /**
     * The collector as the configured span exporter ({@code otel.traces.exporter=observe-test}), created by the
     * SDK's autoconfiguration like any exporter: it receives exactly what the SDK exports.
     */
    public static class Exporter implements ConfigurableSpanExporterProvider {

        public static final String NAME = "observe-test";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            return new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    SPANS.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            };
        }
    }
}
