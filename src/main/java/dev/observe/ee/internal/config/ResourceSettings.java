package dev.observe.ee.internal.config;

import java.util.Optional;

/**
 * {@code observe.service.version} and {@code observe.deployment.environment}: the OpenTelemetry resource attributes
 * {@code service.version} and {@code deployment.environment} of everything the application exports, added by the
 * library's autoconfiguration customizer (an {@code otel.resource.attributes} entry of the same name wins).
 */
public final class ResourceSettings {

    public static final String SERVICE_VERSION = "observe.service.version";
    public static final String DEPLOYMENT_ENVIRONMENT = "observe.deployment.environment";

    private final String serviceVersion;
    private final String deploymentEnvironment;

    private ResourceSettings(String serviceVersion, String deploymentEnvironment) {
        this.serviceVersion = serviceVersion;
        this.deploymentEnvironment = deploymentEnvironment;
    }

    static ResourceSettings read(ConfigReader reader) {
        return new ResourceSettings(reader.string(SERVICE_VERSION).orElse(null),
                reader.string(DEPLOYMENT_ENVIRONMENT).orElse(null));
    }

    public Optional<String> serviceVersion() {
        return Optional.ofNullable(serviceVersion);
    }

    public Optional<String> deploymentEnvironment() {
        return Optional.ofNullable(deploymentEnvironment);
    }
}
