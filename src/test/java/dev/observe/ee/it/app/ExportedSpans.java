package dev.observe.ee.it.app;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A span exporter for tests, chosen with {@code otel.traces.exporter=observe-test} and created by the runtime's
 * OpenTelemetry autoconfiguration like any exporter (listed in the test WAR's META-INF/services): it receives
 * exactly what the SDK exports, after every exporter customizer (the tail sampler's included).
 */
public class ExportedSpans implements ConfigurableSpanExporterProvider {

    public static final String NAME = "observe-test";

    static final List<SpanData> EXPORTED = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                EXPORTED.addAll(spans);
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
