package dev.observe.ee.telemetry;

import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;

/**
 * observe-ee's contribution to the runtime's OpenTelemetry SDK, through OpenTelemetry's own autoconfiguration SPI
 * (listed in {@code META-INF/services}; Payara Micro and Open Liberty both call it for the application's SDK):
 * the configured propagators, plus {@link RequestIdPropagator}; the configured sampler, behind
 * {@link ExcludedPathsSampler}.
 */
public final class ObserveAutoConfiguration implements AutoConfigurationCustomizerProvider {

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addPropagatorCustomizer((configured, config) ->
                TextMapPropagator.composite(configured, RequestIdPropagator.INSTANCE));
        customizer.addSamplerCustomizer((configured, config) -> new ExcludedPathsSampler(configured));
    }
}
