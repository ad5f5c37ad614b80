package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.semconv.SemanticAttributes;
import dev.observe.ee.internal.config.ResourceSettings;
import dev.observe.ee.internal.config.SamplingSettings;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.export.SpanExporter;


/**
 * observe-ee's contribution to the runtime's OpenTelemetry SDK, through OpenTelemetry's own autoconfiguration SPI
 * (listed in {@code META-INF/services}; Payara Micro and Open Liberty both call it for the application's SDK):
 * OTLP export of a signal whose endpoint is configured ({@link EndpointImpliesExport}); the configured
 * propagators, plus {@link RequestIdPropagator}; the configured sampler, behind {@link ExcludedPathsSampler}; the
 * configured span exporter, behind the error-keeping tail sampler ({@link ErrorKeepingExporter}) when
 * {@code observe.sampling.ratio} is below 1, and first of all behind {@link ReadOnceEventsExporter}, so that no
 * exception event can fail either.
 */
public final class ObserveAutoConfiguration implements AutoConfigurationCustomizerProvider {


    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        customize(customizer, DeployedApplication.current());
    }

    /**
     * The customizers, reading {@code application}'s configuration: first read here on Open Liberty (whose SDK is
     * built before the CDI extensions run), already read by the CDI extension on Payara Micro; the same object
     * either way. A bad value has its default here; the extension fails the deployment naming it.
     */
    static void customize(AutoConfigurationCustomizer customizer, DeployedApplication application) {
        // What is exported, and as which service, is configuration: the same with the library switched off.
        customizer.addPropertiesCustomizer(new EndpointImpliesExport(
                key -> application.configuration().openTelemetry().setOnlyByObserveDefaults(key)));
        customizer.addResourceCustomizer((resource, config) ->
                withApplicationAttributes(resource, application.configuration().resource()));
        if (!application.configuration().enabled()) {
            // observe.enabled=false: nothing of the library's runs per span or per call.
            return;
        }
        customizer.addPropagatorCustomizer((configured, config) ->
                TextMapPropagator.composite(configured, RequestIdPropagator.INSTANCE));
        customizer.addSamplerCustomizer((configured, config) -> new ExcludedPathsSampler(configured, application));
        customizer.addSpanExporterCustomizer((configured, config) ->
                exporter(configured, application.configuration().sampling()));
    }

    /** The exporter the SDK gets: events read once, then the tail sampler where it samples, then the configured. */
    static SpanExporter exporter(SpanExporter configured, SamplingSettings sampling) {
        SpanExporter sampled = sampling.samples() ? new ErrorKeepingExporter(configured, sampling) : configured;
        return new ReadOnceEventsExporter(sampled);
    }

    /**
     * The resource the runtime configured, plus {@code service.name} = the application's name where nothing named
     * the service (OpenTelemetry's {@code unknown_service:java}), and {@code service.version} and
     * {@code deployment.environment} from {@code observe.*} keys. Attributes the configuration set win.
     */
    static Resource withApplicationAttributes(Resource resource, ResourceSettings settings) {
        AttributesBuilder added = Attributes.builder();
        String serviceName = resource.getAttribute(SemanticAttributes.SERVICE_NAME);
        if (serviceName == null || serviceName.startsWith("unknown_service")) {
            String application = ApplicationName.lookup();
            if (application != null) {
                added.put(SemanticAttributes.SERVICE_NAME, application);
            }
        }
        settings.serviceVersion().filter(version -> resource.getAttribute(SemanticAttributes.SERVICE_VERSION) == null)
                .ifPresent(version -> added.put(SemanticAttributes.SERVICE_VERSION, version));
        settings.deploymentEnvironment()
                .filter(environment -> resource.getAttribute(SemanticAttributes.DEPLOYMENT_ENVIRONMENT) == null)
                .ifPresent(environment -> added.put(SemanticAttributes.DEPLOYMENT_ENVIRONMENT, environment));
        return resource.merge(Resource.create(added.build()));
    }
}
