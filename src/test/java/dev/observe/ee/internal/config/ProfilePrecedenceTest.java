package dev.observe.ee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * MicroProfile Config's precedence between sources and profiles, for every key observe-ee reads: a
 * {@code %<profile>.} key overrides the plain key only within the same config source; a plain key in a source of
 * higher ordinal (environment variables 300, system properties 400) wins over a profiled key of the application's
 * file (100). Clarified after eclipse/microprofile-config#781 (TCK {@code OverrideConfigProfileTest}); Helidon fixed
 * the same bug in helidon-io/helidon#8738.
 */
class ProfilePrecedenceTest {

    private static ObserveConfiguration read(LayeredConfig config) {
        ObserveConfiguration configuration = ObserveConfiguration.read(config.values(), ProviderNames.NONE, "shop",
                false);
        assertEquals(List.of(), configuration.problems());
        return configuration;
    }

    /** The demo's production file: {@code %prod.} values over plain ones, the profile from the environment. */
    private static LayeredConfig prodFile() {
        return new LayeredConfig().file(
                "observe.sampling.ratio", "0.5",
                "%prod.observe.sampling.ratio", "0.1",
                "%prod.observe.log.format", "json",
                "%prod.observe.deployment.environment", "production");
    }

    @Test
    void aProfiledKeyOverridesThePlainKeyOfItsOwnSource() {
        ObserveConfiguration configuration = read(prodFile().environment("MP_CONFIG_PROFILE", "prod"));

        assertEquals(0.1, configuration.sampling().ratio());
        assertEquals(Optional.of("production"), configuration.resource().deploymentEnvironment());
    }

    @Test
    void aPlainEnvironmentVariableWinsOverAProfiledKeyOfTheFile() {
        ObserveConfiguration configuration = read(prodFile().environment("MP_CONFIG_PROFILE", "prod",
                "OBSERVE_SAMPLING_RATIO", "1", "OBSERVE_LOG_FORMAT", "console",
                "OBSERVE_DEPLOYMENT_ENVIRONMENT", "staging"));

        assertEquals(1.0, configuration.sampling().ratio(), "OBSERVE_SAMPLING_RATIO over %prod.observe.sampling.ratio");
        assertEquals(LogSettings.Format.CONSOLE, configuration.log().format());
        assertEquals(Optional.of("staging"), configuration.resource().deploymentEnvironment());
    }

    @Test
    void aPlainSystemPropertyWinsOverProfiledKeysOfTheFileAndOfTheEnvironment() {
        ObserveConfiguration configuration = read(prodFile()
                .environment("MP_CONFIG_PROFILE", "prod", "_PROD_OBSERVE_SAMPLING_RATIO", "0.3")
                .systemProperties("observe.sampling.ratio", "0.7"));

        assertEquals(0.7, configuration.sampling().ratio());
    }

    @Test
    void theEnvironmentsProfiledFormWinsOverTheFileAndOverItsOwnPlainVariable() {
        ObserveConfiguration configuration = read(prodFile().environment("MP_CONFIG_PROFILE", "prod",
                "_PROD_OBSERVE_SAMPLING_RATIO", "0.3", "OBSERVE_SAMPLING_RATIO", "0.9"));

        assertEquals(0.3, configuration.sampling().ratio(), "same source: the profiled variable wins");
    }

    @Test
    void aProfiledKeyOfAHigherSourceWinsOverAPlainKeyOfALowerOne() {
        ObserveConfiguration configuration = read(new LayeredConfig()
                .file("mp.config.profile", "prod", "observe.sampling.ratio", "0.5")
                .environment("_PROD_OBSERVE_SAMPLING_RATIO", "0.2"));

        assertEquals(0.2, configuration.sampling().ratio());
    }

    @Test
    void aProfileSelectedInTheApplicationsOwnFileAppliesAndTheEnvironmentChangesIt() {
        LayeredConfig dev = new LayeredConfig().file("mp.config.profile", "dev",
                "%dev.observe.sampling.ratio", "0.25", "%prod.observe.sampling.ratio", "0.1");
        assertEquals(0.25, read(dev).sampling().ratio());
        assertEquals(LogSettings.Format.CONSOLE, read(dev).log().format(), "the dev profile's default format");

        LayeredConfig prod = new LayeredConfig().file("mp.config.profile", "dev",
                "%dev.observe.sampling.ratio", "0.25", "%prod.observe.sampling.ratio", "0.1")
                .environment("MP_CONFIG_PROFILE", "prod");
        assertEquals(0.1, read(prod).sampling().ratio());
        assertEquals(LogSettings.Format.JSON, read(prod).log().format());
    }

    @Test
    void listsAndCategoryLevelsFollowTheSameRule() {
        ObserveConfiguration configuration = read(new LayeredConfig()
                .file("%prod.observe.tracing.exclude-paths", "/health*",
                        "%prod.observe.log.category.\"com.acme\".level", "ERROR")
                .environment("MP_CONFIG_PROFILE", "prod", "OBSERVE_TRACING_EXCLUDE_PATHS", "/ping")
                .systemProperties("observe.log.category.\"com.acme\".level", "DEBUG"));

        assertEquals(List.of("/ping"), configuration.tracing().excludePaths());
        assertEquals(java.util.logging.Level.FINE, configuration.log().categoryLevels().get("com.acme"));
    }

    @Test
    void otelKeysFollowTheSameRule() {
        ObserveConfiguration configuration = read(new LayeredConfig()
                .source(dev.observe.ee.internal.config.microprofile.OpenTelemetryDefaults.NAME, 10,
                        "otel.logs.exporter", "none", "otel.traces.exporter", "none")
                .file("%prod.otel.traces.sampler", "always_off", "%prod.otel.logs.exporter", "otlp",
                        "%prod.otel.service.name", "orders-prod")
                .environment("MP_CONFIG_PROFILE", "prod", "OTEL_TRACES_SAMPLER", "always_on",
                        "_PROD_OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317",
                        "_PROD_OTEL_RESOURCE_ATTRIBUTES", "region=eu"));

        OpenTelemetrySettings openTelemetry = configuration.openTelemetry();
        assertEquals("always_on", openTelemetry.properties().get("otel.traces.sampler"), "plain env over %prod.");
        assertEquals("orders-prod", openTelemetry.properties().get("otel.service.name"));
        assertEquals("otlp", openTelemetry.properties().get("otel.logs.exporter"));
        assertEquals("http://collector:4317", openTelemetry.properties().get("otel.exporter.otlp.endpoint"));
        assertEquals("region=eu", openTelemetry.properties().get("otel.resource.attributes"),
                "an environment variable of the profile's form is forwarded under OpenTelemetry's key");
        assertFalse(openTelemetry.setOnlyByObserveDefaults("otel.logs.exporter"), "the file's %prod. value");
        assertTrue(openTelemetry.setOnlyByObserveDefaults("otel.traces.exporter"));
        assertTrue(openTelemetry.exports("traces"), "an endpoint turns on an exporter only the defaults set");
    }

    @Test
    void anUnknownKeyOfTheActiveProfileIsReportedUnderItsPlainNameAndOtherProfilesAreLeftAlone() {
        ObserveConfiguration configuration = read(new LayeredConfig().file("mp.config.profile", "prod",
                "%prod.observe.log.fromat", "json", "%dev.observe.log.colour", "true"));

        assertEquals(1, configuration.unknownKeys().size(), String.valueOf(configuration.unknownKeys()));
        assertTrue(configuration.unknownKeys().get(0).contains("'observe.log.fromat'"),
                configuration.unknownKeys().get(0));
    }
}
