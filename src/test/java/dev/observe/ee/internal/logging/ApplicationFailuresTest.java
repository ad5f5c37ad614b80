package dev.observe.ee.internal.logging;

import dev.observe.ee.logging.JsonLogFormatter;
import dev.observe.ee.logging.Log;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 §5: whatever the application hands the logger — an exception whose getMessage recurses, a toString
 * that throws a checked exception or an Error, a parameter that overflows the stack — the line is written with a
 * placeholder naming the failure, every time, and nothing is thrown into the caller.
 */
class ApplicationFailuresTest {

    private static final String NAME = "dev.observe.test.failures";

    /** The exception: getMessage() calls toString(), which calls getLocalizedMessage(), which calls ... */
    static final class Recursive extends RuntimeException {
        @Override
        public String getMessage() {
            return "failed: " + this;
        }
    }

    private final Logger logger = Logger.getLogger(NAME);
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @AfterEach
    void detach() {
        for (java.util.logging.Handler handler : logger.getHandlers()) {
            logger.removeHandler(handler);
        }
        logger.setUseParentHandlers(true);
    }

    private List<JsonObject> linesThroughTheHandler(Runnable logging) {
        logger.addHandler(new StdoutHandler(new LineEncoder(LogFormat.builder().build(), TraceContext.NONE), output));
        logger.setUseParentHandlers(false);
        assertDoesNotThrow(logging::run);
        return output.toString(StandardCharsets.UTF_8).lines().map(TestLines::parse).toList();
    }

    @Test
    void anExceptionWhoseMessageRecursesIsWrittenEveryTimeWithAPlaceholder() {
        Log log = Log.get(NAME);
        List<JsonObject> lines = linesThroughTheHandler(() -> {
            log.exception("x", new Recursive());
            log.exception("y", new Recursive());
        });

        assertEquals(2, lines.size(), "both lines, not only the first: " + lines);
        for (JsonObject line : lines) {
            JsonObject exception = line.getJsonObject("exception");
            assertEquals(Recursive.class.getName(), exception.getString("type"));
            assertEquals("[" + Recursive.class.getName() + ".getMessage() failed: java.lang.StackOverflowError]",
                    exception.getString("message"));
            assertTrue(exception.getString("stack_trace").startsWith(Recursive.class.getName()
                    + ": [" + Recursive.class.getName() + ".getMessage() failed: java.lang.StackOverflowError]\n\tat "),
                    exception.getString("stack_trace"));
        }
    }

    @Test
    void thePublicFormatterOnAJdkHandlerThrowsNothingIntoTheCaller() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamHandler console = new StreamHandler(bytes, new JsonLogFormatter());
        logger.addHandler(console);
        logger.setUseParentHandlers(false);

        assertDoesNotThrow(() -> Log.get(NAME).exception("x", new Recursive()));
        Object overflowing = new Object() {
            @Override
            public String toString() {
                return "again " + this;
            }
        };
        assertDoesNotThrow(() -> logger.log(Level.INFO, "plain {0}", overflowing));
        console.flush();

        List<JsonObject> lines = bytes.toString(StandardCharsets.UTF_8).lines().map(TestLines::parse).toList();
        assertEquals(2, lines.size(), String.valueOf(lines));
        assertEquals("x", lines.get(0).getString("event"));
        assertTrue(lines.get(0).getJsonObject("exception").getString("message").contains("StackOverflowError"),
                String.valueOf(lines.get(0)));
        assertEquals("plain [" + overflowing.getClass().getName() + ".toString() failed: java.lang.StackOverflowError]",
                lines.get(1).getString("event"));
    }

    @Test
    void everyMethodOfAnExceptionMayFail() {
        RuntimeException cause = new IllegalStateException("cause") {
            @Override
            public StackTraceElement[] getStackTrace() {
                throw new AssertionError("no frames");
            }
        };
        RuntimeException thrown = new RuntimeException("outer", cause) {
            @Override
            public synchronized Throwable getCause() {
                return cause;
            }

            @Override
            public String getLocalizedMessage() {
                throw new IllegalStateException("no localized");
            }

            @Override
            public String toString() {
                return sneaky(new java.io.IOException("checked, thrown sneakily"));
            }
        };
        RuntimeException brokenCause = new RuntimeException("broken cause") {
            @Override
            public synchronized Throwable getCause() {
                throw new OutOfMemoryError("simulated");
            }
        };

        List<JsonObject> lines = linesThroughTheHandler(() -> {
            Log.get(NAME).exception("frames", thrown, "as_value", thrown);
            Log.get(NAME).exception("cause", brokenCause);
        });

        assertEquals(2, lines.size(), String.valueOf(lines));
        String frames = lines.get(0).getJsonObject("exception").getString("stack_trace");
        assertTrue(frames.contains("Caused by: " + cause.getClass().getName() + ": cause\n\t[" + cause.getClass().getName()
                + ".getStackTrace() failed: java.lang.AssertionError]"), frames);
        assertEquals(thrown.getClass().getName() + ": outer", lines.get(0).getString("as_value"));
        String broken = lines.get(1).getJsonObject("exception").getString("stack_trace");
        assertTrue(broken.contains("[" + brokenCause.getClass().getName()
                + ".getCause() failed: java.lang.OutOfMemoryError]"), broken);
    }

    @Test
    void aFieldValueOrKeyThatFailsInAnyWayBecomesAPlaceholder() {
        Object checked = new Object() {
            @Override
            public String toString() {
                return sneaky(new Exception("checked"));
            }
        };
        Object overflowing = new Object() {
            @Override
            public String toString() {
                return "again " + this;
            }
        };

        List<JsonObject> lines = linesThroughTheHandler(() -> Log.get(NAME).info("e", "checked", checked,
                "overflowing", overflowing, "list", List.of(overflowing), checked, "key fails"));

        assertEquals(1, lines.size());
        JsonObject line = lines.get(0);
        assertEquals("[" + checked.getClass().getName() + ".toString() failed: java.lang.Exception]",
                line.getString("checked"));
        assertEquals("[" + overflowing.getClass().getName() + ".toString() failed: java.lang.StackOverflowError]",
                line.getString("overflowing"));
        assertEquals("[" + overflowing.getClass().getName() + ".toString() failed: java.lang.StackOverflowError]",
                line.getJsonArray("list").getString(0));
        assertEquals("key fails",
                line.getString("[" + checked.getClass().getName() + ".toString() failed: java.lang.Exception]"));
    }

    @Test
    void aPositionalParameterThatFailsIsAPlaceholderInItsPlace() {
        Object overflowing = new Object() {
            @Override
            public String toString() {
                return "again " + this;
            }
        };
        LogRecord record = new LogRecord(Level.INFO, "value {0} and {1}");
        record.setParameters(new Object[] {overflowing, 42});

        JsonObject line = TestLines.json(TestLines.json(), record);

        assertEquals("value [" + overflowing.getClass().getName()
                + ".toString() failed: java.lang.StackOverflowError] and 42", line.getString("event"));
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> String sneaky(Throwable failure) throws T {
        throw (T) failure;
    }
}
