package dev.observe.ee.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.logging.LogFormat;

import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

class LogSettingsTest {

    @Test
    void defaultsAreJsonOutsideDevAndConsoleInDev() {
        LogSettings prod = LogSettings.read(MapConfig.of(), "orders", false);
        assertTrue(prod.enabled());
        assertEquals(LogFormat.Renderer.JSON, prod.format().renderer());
        assertEquals(LogFormat.Schema.DEFAULT, prod.format().schema());
        assertTrue(prod.format().toString().contains("service=orders"));

        LogSettings dev = LogSettings.read(MapConfig.of("mp.config.profile", "dev"), null, false);
        assertEquals(LogFormat.Renderer.CONSOLE, dev.format().renderer());

        LogSettings explicit = LogSettings.read(MapConfig.of("mp.config.profile", "dev", "observe.log.format",
                "JSON"), null, false);
        assertEquals(LogFormat.Renderer.JSON, explicit.format().renderer(), "an explicit value wins");
    }

    @Test
    void readsEveryKey() {
        LogSettings settings = LogSettings.read(MapConfig.of(
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
                "observe.log.category.org.acme.level", "WARNING"), "fallback", false);

        String format = settings.format().toString();
        assertEquals(LogFormat.Schema.ECS, settings.format().schema());
        assertTrue(format.contains("color=true"), format);
        assertTrue(format.contains("renames={"), format);
        assertTrue(format.contains("staticFields=[environment, region]"), format);
        assertTrue(format.contains("redactedKeys=[pin, iban]"), format);
        assertTrue(format.contains("maxValueLength=100"), format);
        assertTrue(format.contains("maxStackTraceLength=2000"), format);
        assertTrue(format.contains("service=orders-api"), format);
        assertEquals(Map.of("dev.observe.demo", Level.FINE, "org.acme", Level.WARNING), settings.categoryLevels());
    }

    @Test
    void badValuesFailWithKeyValueAndWhatIsAllowed() {
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> LogSettings.read(MapConfig.of(
                        "observe.log.format", "xml",
                        "observe.log.schema", "gelf",
                        "observe.log.color", "maybe",
                        "observe.log.max-value-length", "-5",
                        "observe.log.static-fields", "environment",
                        "observe.log.category.\"dev.x\".level", "LOUD"), null, false));

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
                () -> LogSettings.read(MapConfig.of("observe.log.format", "json\nSEVERE: forged"), null, false));
        assertFalse(error.getMessage().contains("\nSEVERE"), error.getMessage());
        assertTrue(error.getMessage().contains("json\\u000aSEVERE: forged"), error.getMessage());
    }

    @Test
    void profileValuesWinInTheActiveProfileOnly() {
        MapConfig config = MapConfig.of("mp.config.profile", "dev", "observe.log.color", "false",
                "%dev.observe.log.color", "true", "%prod.observe.log.schema", "ecs",
                "%dev.observe.log.category.\"dev.x\".level", "DEBUG", "%prod.observe.log.category.prod.y.level", "ERROR");

        LogSettings settings = LogSettings.read(config, null, false);

        assertTrue(settings.format().toString().contains("color=true"));
        assertEquals(LogFormat.Schema.DEFAULT, settings.format().schema());
        assertEquals(Map.of("dev.x", Level.FINE), settings.categoryLevels());
    }

    @Test
    void tracingExcludePaths() {
        assertEquals(java.util.List.of("/health*", "/metrics*", "/openapi*"),
                TracingSettings.read(MapConfig.of()).excludePaths());
        assertEquals(java.util.List.of("/ping", "/status/*"),
                TracingSettings.read(MapConfig.of("observe.tracing.exclude-paths", "/ping, /status/*")).excludePaths());
        assertEquals(java.util.List.of(),
                TracingSettings.read(MapConfig.of("observe.tracing.exclude-paths", "none")).excludePaths());
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> TracingSettings.read(MapConfig.of("observe.tracing.exclude-paths", "/ok,health")));
        assertTrue(error.getMessage().contains("observe.tracing.exclude-paths='health' is not allowed; use paths "
                + "starting with '/'"), error.getMessage());
    }

    @Test
    void loggingCanBeSwitchedOff() {
        assertFalse(LogSettings.read(MapConfig.of("observe.log.enabled", "false"), null, false).enabled());
    }
}
