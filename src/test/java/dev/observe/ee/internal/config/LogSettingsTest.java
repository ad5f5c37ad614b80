package dev.observe.ee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.internal.logging.LogFormat;

import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

class LogSettingsTest {

    /** The {@code observe.log.*} settings of {@code config}, as a deployment reads them; throws on any problem. */
    private static LogSettings log(MapConfig config, String defaultService) {
        return config.read(reader -> LogSettings.read(reader, defaultService, false));
    }

    @Test
    void defaultsAreJsonOutsideDevAndConsoleInDev() {
        LogSettings prod = log(MapConfig.of(), "orders");
        assertTrue(prod.enabled());
        assertEquals(LogSettings.Format.JSON, prod.format());
        assertEquals(LogSettings.Schema.DEFAULT, prod.schema());
        assertEquals("orders", prod.service(), "the application's name when otel.service.name is not set");
        assertEquals(LogSettings.DEFAULT_REDACTED_KEYS, prod.redactedKeys());
        assertEquals(Map.of(), prod.renames());
        assertEquals(LogSettings.DEFAULT_MAX_VALUE_LENGTH, prod.maxValueLength());

        LogSettings dev = log(MapConfig.of("mp.config.profile", "dev"), null);
        assertEquals(LogSettings.Format.CONSOLE, dev.format());

        LogSettings explicit = log(MapConfig.of("mp.config.profile", "dev", "observe.log.format",
                "JSON"), null);
        assertEquals(LogSettings.Format.JSON, explicit.format(), "an explicit value wins");
    }

    @Test
    void readsEveryKey() {
        LogSettings settings = log(MapConfig.of(
                "observe.log.enabled", "true",
                "observe.log.schema", "ecs",
                "observe.log.color", "true",
                "observe.log.rename", "message=msg, log.level=severity",
                "observe.log.static-fields", "environment=prod,region=eu-west-1",
                "observe.log.redact.keys", "pin",
                "observe.log.redact.additional-keys", "iban",
                "observe.log.max-value-length", "100",
                "observe.log.max-stack-trace-length", "2000",
                "otel.service.name", "orders-api",
                "observe.log.category.\"dev.observe.demo\".level", "debug",
                "observe.log.category.org.acme.level", "WARNING"), "fallback");

        assertEquals(LogSettings.Schema.ECS, settings.schema());
        assertTrue(settings.color());
        assertEquals(java.util.List.of("message", "log.level"), java.util.List.copyOf(settings.renames().keySet()),
                "renames in the order written");
        assertEquals(Map.of("message", "msg", "log.level", "severity"), settings.renames());
        assertEquals(java.util.List.of("environment", "region"),
                java.util.List.copyOf(settings.staticFields().keySet()));
        assertEquals("eu-west-1", settings.staticFields().get("region"));
        assertEquals(java.util.List.of("pin", "iban"), settings.redactedKeys(), "keys replace the defaults");
        assertEquals(100, settings.maxValueLength());
        assertEquals(2000, settings.maxStackTraceLength());
        assertEquals("orders-api", settings.service());
        assertEquals(Map.of("dev.observe.demo", Level.FINE, "org.acme", Level.WARNING), settings.categoryLevels());
    }

    @Test
    void badValuesFailWithKeyValueAndWhatIsAllowed() {
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> log(MapConfig.of(
                        "observe.log.format", "xml",
                        "observe.log.schema", "gelf",
                        "observe.log.color", "maybe",
                        "observe.log.max-value-length", "-5",
                        "observe.log.static-fields", "environment",
                        "observe.log.category.\"dev.x\".level", "LOUD"), null));

        assertEquals(6, error.problems().size(), error.getMessage());
        assertTrue(error.getMessage().contains("observe.log.format='xml' is not allowed; use one of json, console"),
                error.getMessage());
        assertTrue(error.getMessage().contains("observe.log.schema='gelf' is not allowed; use one of default, ecs, "
                + "logstash"), error.getMessage());
        assertTrue(error.getMessage().contains("observe.log.color='maybe' is not allowed; use true or false"));
        assertTrue(error.getMessage().contains("observe.log.max-value-length='-5' is not allowed; use a whole number "
                + "from 16 to"));
        assertTrue(error.getMessage().contains("observe.log.static-fields='environment' is not allowed; use "
                + "name=value pairs"));
        assertTrue(error.getMessage().contains("observe.log.category.\"dev.x\".level='LOUD' is not allowed; use OFF, "
                + "ERROR, WARN"));
    }

    @Test
    void quotedValuesCannotForgeLinesInTheMessage() {
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> log(MapConfig.of("observe.log.format", "json\nSEVERE: forged"), null));
        assertFalse(error.getMessage().contains("\nSEVERE"), error.getMessage());
        assertTrue(error.getMessage().contains("json\\u000aSEVERE: forged"), error.getMessage());
    }

    @Test
    void profileValuesWinInTheActiveProfileOnly() {
        MapConfig config = MapConfig.of("mp.config.profile", "dev", "observe.log.color", "false",
                "%dev.observe.log.color", "true", "%prod.observe.log.schema", "ecs",
                "%dev.observe.log.category.\"dev.x\".level", "DEBUG", "%prod.observe.log.category.prod.y.level", "ERROR");

        LogSettings settings = log(config, null);

        assertTrue(settings.color());
        assertEquals(LogSettings.Schema.DEFAULT, settings.schema());
        assertEquals(Map.of("dev.x", Level.FINE), settings.categoryLevels());
    }

    @Test
    void tracingExcludePaths() {
        assertEquals(java.util.List.of("/health*", "/metrics*", "/openapi*"),
                MapConfig.of().read(TracingSettings::read).excludePaths());
        assertEquals(java.util.List.of("/ping", "/status/*"),
                MapConfig.of("observe.tracing.exclude-paths", "/ping, /status/*").read(TracingSettings::read)
                        .excludePaths());
        assertEquals(java.util.List.of(),
                MapConfig.of("observe.tracing.exclude-paths", "none").read(TracingSettings::read).excludePaths());
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> MapConfig.of("observe.tracing.exclude-paths", "/ok,health").read(TracingSettings::read));
        assertTrue(error.getMessage().contains("observe.tracing.exclude-paths='health' is not allowed; use paths "
                + "starting with '/'"), error.getMessage());
    }

    @Test
    void additionalRedactedKeysAddToTheDefaults() {
        LogSettings settings = log(MapConfig.of("observe.log.redact.additional-keys", "iban, pin"),
                null);
        assertTrue(settings.redactedKeys().containsAll(LogSettings.DEFAULT_REDACTED_KEYS));
        assertTrue(settings.redactedKeys().containsAll(java.util.List.of("iban", "pin")));
    }

    @Test
    void loggingCanBeSwitchedOff() {
        assertFalse(log(MapConfig.of("observe.log.enabled", "false"), null).enabled());
    }
}
