package dev.observe.ee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SamplingSettingsTest {

    @Test
    void defaultsKeepEverythingAndBufferNothing() {
        SamplingSettings settings = MapConfig.of().read(SamplingSettings::read);
        assertEquals(1.0, settings.ratio());
        assertTrue(settings.keepErrors());
        assertEquals(Optional.empty(), settings.keepSlowerThan());
        assertFalse(settings.samples());
    }

    @Test
    void readsEveryKey() {
        SamplingSettings settings = MapConfig.of("observe.sampling.ratio", "0.1",
                "observe.sampling.keep-errors", "false", "observe.sampling.keep-slower-than", "750ms",
                "observe.sampling.max-buffered-spans", "5000").read(SamplingSettings::read);
        assertEquals(0.1, settings.ratio());
        assertFalse(settings.keepErrors());
        assertEquals(Optional.of(Duration.ofMillis(750)), settings.keepSlowerThan());
        assertEquals(5000, settings.maxBufferedSpans());
        assertTrue(settings.samples());
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "2s, PT2S", "1m, PT1M", "1h, PT1H", "PT0.25S, PT0.25S", "off, PT0S"})
    void durations(String text, String expected) {
        assertEquals(Duration.parse(expected), SamplingSettings.parseDuration(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "half", "NaN"})
    void aRatioOutsideZeroToOneFailsNamingKeyValueAndRange(String ratio) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> MapConfig.of("observe.sampling.ratio", ratio).read(SamplingSettings::read));
        assertTrue(e.getMessage().contains("observe.sampling.ratio") && e.getMessage().contains(ratio)
                && e.getMessage().contains("from 0 to 1"), e.getMessage());
    }

    @Test
    void everyBadKeyIsNamedInOneMessage() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> MapConfig.of("observe.sampling.keep-slower-than", "-5s",
                        "observe.sampling.keep-errors", "sometimes", "observe.sampling.max-buffered-spans", "0")
                        .read(SamplingSettings::read));
        for (String key : new String[] {"keep-slower-than", "keep-errors", "max-buffered-spans"}) {
            assertTrue(e.getMessage().contains("observe.sampling." + key), e.getMessage());
        }
    }
}
