package dev.observe.ee.it.app;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory exporter for tests, plugged into the runtime's own SDK through OpenTelemetry's autoconfiguration
 * SPI (listed in the test WAR's META-INF/services): every span the runtime ends is kept, as exported.
 */
public class SpanCollector implements AutoConfigurationCustomizerProvider {

    static final List<SpanData> ENDED = new CopyOnWriteArrayList<>();

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
                ENDED.add(span.toSpanData());
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }
        }));
    }
}
