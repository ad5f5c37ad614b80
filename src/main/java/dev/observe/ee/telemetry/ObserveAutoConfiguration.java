package dev.observe.ee.telemetry;

import dev.observe.ee.config.SamplingSettings;

import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * observe-ee's contribution to the runtime's OpenTelemetry SDK, through OpenTelemetry's own autoconfiguration SPI
 * (listed in {@code META-INF/services}; Payara Micro and Open Liberty both call it for the application's SDK):
 * the configured propagators, plus {@link RequestIdPropagator}; the configured sampler, behind
 * {@link ExcludedPathsSampler}; the configured span exporter, behind the error-keeping tail sampler
 * ({@link ErrorKeepingExporter}) when {@code observe.sampling.ratio} is below 1.
 */
public final class ObserveAutoConfiguration implements AutoConfigurationCustomizerProvider {

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customizer.addPropagatorCustomizer((configured, config) ->
                TextMapPropagator.composite(configured, RequestIdPropagator.INSTANCE));
        customizer.addSamplerCustomizer((configured, config) -> new ExcludedPathsSampler(configured));
        customizer.addSpanExporterCustomizer((configured, config) -> {
            SamplingSettings sampling = samplingSettings();
            return sampling.samples() ? new ErrorKeepingExporter(configured, sampling) : configured;
        });
    }

    /**
     * The application's {@code observe.sampling.*} keys. An invalid value fails the deployment (the library's CDI
     * extension reads the same keys and says which); until then the SDK exports everything.
     */
    private static SamplingSettings samplingSettings() {
        try {
            return SamplingSettings.read(ConfigProvider.getConfig());
        } catch (RuntimeException invalidOrUnavailable) {
            return SamplingSettings.KEEP_ALL;
        }
    }
}
