package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;
import static dev.observe.ee.internal.logging.TestLines.structured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

class ConsoleRendererTest {

    private static final LogFormat PLAIN = LogFormat.builder().renderer(LogSettings.Format.CONSOLE).build();

    @Test
    void looksLikeStructlogsConsoleRenderer() {
        String line = TestLines.render(PLAIN, structured(Level.INFO, "placing_order", null,
                new Object[] {"user_id", 123}, "item_count", 3));

        String time = LocalDateTime.ofInstant(java.time.Instant.parse("2024-01-15T14:32:01Z"), ZoneId.systemDefault())
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertEquals(time + " [info     ] placing_order                  [orders.OrderService] user_id=123 "
                + "item_count=3\n", line);
    }

    @Test
    void controlCharactersCannotForgeLinesOrDriveTheTerminal() {
        String line = TestLines.render(PLAIN, structured(Level.WARNING,
                "evil\n2024-01-15 14:32:01 [error    ] forged\r\u001b[31mred\u2028", null, null,
                "value", "a\nb\u001b]0;title\u0007", "k\ney", 1));

        assertEquals(1, line.split("\n", -1).length - 1, "exactly one line: " + line);
        assertFalse(line.contains("\u001b"), "no raw escape character: " + line);
        assertFalse(line.contains("\u2028"));
        assertTrue(line.contains("evil\\n2024-01-15 14:32:01 [error    ] forged\\r\\x1b[31mred\\u2028"), line);
        assertTrue(line.contains("value=a\\nb\\x1b]0;title\\x07"), line);
        assertTrue(line.contains("k\\ney=1"), line);
    }

    @Test
    void exceptionFollowsOnIndentedLinesWithItsMessageEscaped() {
        StructuredRecord record = new StructuredRecord(Level.SEVERE, "l", "failed", KeyValues.EMPTY,
                KeyValues.EMPTY, KeyValues.EMPTY, new IllegalStateException("bad\n\tat forged.Frame(X.java:1)"));

        String[] lines = TestLines.render(PLAIN, record).split("\n");

        assertTrue(lines[0].contains("[error    ] failed"), lines[0]);
        assertEquals("java.lang.IllegalStateException: bad\\n\\tat forged.Frame(X.java:1)", lines[1]);
        assertTrue(lines[2].startsWith("\tat dev.observe.ee.internal.logging.ConsoleRendererTest."), lines[2]);
    }

    @Test
    void coloursOnlyWhenAsked() {
        StructuredRecord record = structured(Level.SEVERE, "boom", null, null, "k", "v");
        String coloured = TestLines.render(LogFormat.builder().renderer(LogSettings.Format.CONSOLE).color(true)
                .build(), record);

        assertTrue(coloured.contains("\u001b[31m\u001b[1merror\u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[36mk\u001b[0m=\u001b[35mv\u001b[0m"), coloured);
        assertFalse(TestLines.render(PLAIN, record).contains("\u001b"));
    }

    @Test
    void redactsAndShowsNonStringsAsJson() {
        String line = TestLines.render(PLAIN, structured(Level.INFO, "e", null, null, "token", "abc",
                "items", java.util.List.of("A1", 2), "missing", null));

        assertTrue(line.contains("token=[REDACTED]"), line);
        assertTrue(line.contains("items=[\"A1\",2]"), line);
        assertTrue(line.contains("missing=null"), line);
    }
}
