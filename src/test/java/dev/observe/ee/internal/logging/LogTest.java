package dev.observe.ee.internal.logging;

import dev.observe.ee.logging.LogContext;
import dev.observe.ee.logging.Log;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The logger API through a real JUL logger and the real handler, writing to a buffer instead of stdout. */
class LogTest {

    private static final String NAME = "dev.observe.test.orders";

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Logger logger = Logger.getLogger(NAME);
    private StdoutHandler handler;

    @BeforeEach
    void attach() {
        handler = new StdoutHandler(new LineEncoder(LogFormat.builder().build(), TraceContext.NONE), output);
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void detach() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
        logger.setLevel(null);
        LogContext.clear();
    }

    @Test
    void theGuidesOrderServiceShape() {
        Log log = Log.get(NAME);
        LogContext.bind("request_id", "r-1");

        Log bound = log.bind("user_id", 123, "item_count", 3);
        bound.info("placing_order", "skus", List.of("A1", "B2"));
        bound.info("order_placed", "order_id", 456, "total", 99.99);
        bound.exception("order_placement_failed", new IllegalStateException("no stock"));
        log.info("unbound");

        List<JsonObject> lines = lines();
        assertEquals(4, lines.size());
        assertEquals("placing_order", lines.get(0).getString("event"));
        assertEquals("r-1", lines.get(0).getString("request_id"));
        assertEquals(123, lines.get(0).getInt("user_id"));
        assertEquals("B2", lines.get(0).getJsonArray("skus").getString(1));
        assertEquals(456, lines.get(1).getInt("order_id"));
        assertEquals("error", lines.get(2).getString("level"));
        assertEquals("no stock", lines.get(2).getJsonObject("exception").getString("message"));
        assertFalse(lines.get(3).containsKey("user_id"), "bind returned a new logger");
    }

    @Test
    void disabledLevelsMakeNoRecord() {
        List<LogRecord> seen = new ArrayList<>();
        Handler counting = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(counting);
        try {
            Log log = Log.get(NAME);
            log.debug("hidden", "k", new Object() {
                @Override
                public String toString() {
                    throw new AssertionError("formatted although disabled");
                }
            });
            assertFalse(log.isDebugEnabled());
            assertTrue(seen.isEmpty());
            log.warning("shown");
            assertEquals(1, seen.size());
        } finally {
            logger.removeHandler(counting);
        }
    }

    @Test
    void aFailingHandlerNeverReachesTheCaller() {
        List<LogRecord> attempted = new ArrayList<>();
        Handler failing = new Handler() {
            @Override
            public void publish(LogRecord record) {
                attempted.add(record);
                throw new IllegalStateException("handler broken");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(failing);
        try {
            assertDoesNotThrow(() -> Log.get(NAME).info("still fine"), "Log goes through LogCallGuard.DEFAULT");
            assertEquals(1, attempted.size(), "the failing handler was reached");

            RecordingErrorManager errors = new RecordingErrorManager();
            assertDoesNotThrow(() -> new LogCallGuard(errors).log(logger,
                    new StructuredRecord(Level.INFO, NAME, "also fine", KeyValues.EMPTY, KeyValues.EMPTY,
                            KeyValues.EMPTY, null)));

            assertEquals(1, errors.codes.size(), "reported once, through JUL's ErrorManager");
            assertEquals(java.util.logging.ErrorManager.WRITE_FAILURE, errors.codes.get(0));
            assertTrue(errors.messages.get(0).contains("also fine"), errors.messages.get(0));
            assertEquals("handler broken", errors.exceptions.get(0).getMessage());
        } finally {
            logger.removeHandler(failing);
        }
        assertEquals(2, lines().size(), "observe-ee's own handler on the same logger still wrote both lines");
    }

    @Test
    void aLinkageErrorOfAHandlerIsReportedToo() {
        RecordingErrorManager errors = new RecordingErrorManager();
        Logger broken = Logger.getAnonymousLogger();
        broken.setUseParentHandlers(false);
        broken.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                throw new NoClassDefFoundError("com/example/Missing");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });

        assertDoesNotThrow(() -> new LogCallGuard(errors).log(broken, new LogRecord(Level.INFO, "e")));

        assertEquals(List.of(java.util.logging.ErrorManager.WRITE_FAILURE), errors.codes);
        assertTrue(errors.messages.get(0).contains("NoClassDefFoundError"), errors.messages.get(0));
    }

    /** An ErrorManager that keeps every report (JUL's own prints the first one and drops the rest). */
    static final class RecordingErrorManager extends java.util.logging.ErrorManager {
        final List<String> messages = new ArrayList<>();
        final List<Exception> exceptions = new ArrayList<>();
        final List<Integer> codes = new ArrayList<>();

        @Override
        public synchronized void error(String message, Exception exception, int code) {
            messages.add(message);
            exceptions.add(exception);
            codes.add(code);
        }
    }

    @Test
    void aValueWhoseToStringLogsDoesNotRecurseForever() {
        Object chatty = new Object() {
            @Override
            public String toString() {
                Logger.getLogger(NAME).info("toString logging");
                return "chatty";
            }
        };
        Log.get(NAME).info("outer", "value", chatty);

        List<JsonObject> lines = lines();
        assertEquals("chatty", lines.get(lines.size() - 1).getString("value"));
        assertTrue(lines.size() <= 3, "nesting is bounded: " + lines.size());
    }

    private List<JsonObject> lines() {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : output.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(TestLines.parse(line));
            }
        }
        return lines;
    }
}
