package dev.observe.ee.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.logging.Level;

import org.junit.jupiter.api.Test;

/** The level table: every JUL level, standard or custom, to each output's level. */
class LogLevelTest {

    @Test
    void standardLevels() {
        Level[] levels = {Level.SEVERE, Level.WARNING, Level.INFO, Level.CONFIG, Level.FINE, Level.FINER,
            Level.FINEST, Level.ALL};
        String[] lower = {"error", "warning", "info", "info", "debug", "trace", "trace", "trace"};
        String[] upper = {"ERROR", "WARN", "INFO", "INFO", "DEBUG", "TRACE", "TRACE", "TRACE"};
        int[] logback = {40_000, 30_000, 20_000, 20_000, 10_000, 5_000, 5_000, 5_000};
        int[] severity = {17, 13, 9, 8, 5, 4, 1, 1};
        for (int i = 0; i < levels.length; i++) {
            LogLevel row = LogLevel.of(levels[i]);
            assertEquals(lower[i], row.lowerName, levels[i].getName());
            assertEquals(upper[i], row.upperName, levels[i].getName());
            assertEquals(logback[i], row.logbackValue, levels[i].getName());
            assertEquals(severity[i], row.severityNumber, levels[i].getName());
        }
    }

    @Test
    void customLevelsTakeTheRowOfTheStandardLevelBelowThem() {
        assertEquals(LogLevel.SEVERE, LogLevel.of(Level.OFF));
        assertEquals(LogLevel.WARNING, LogLevel.of(Level.parse("950")));
        assertEquals(LogLevel.INFO, LogLevel.of(Level.parse("850")));
        assertEquals(LogLevel.FINEST, LogLevel.of(Level.parse("1")));
        assertEquals(LogLevel.INFO, LogLevel.of(null), "a record without a level");
    }
}
