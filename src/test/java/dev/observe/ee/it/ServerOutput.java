package dev.observe.ee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the server under test prints, line by line. Both Arquillian adapters copy the server process's output to
 * this JVM's {@code System.out}; a tee installed here keeps every line, so that tests assert on the very lines a
 * user would see on the server's console.
 */
public final class ServerOutput {

    private static final List<String> LINES = new ArrayList<>();

    static {
        System.setOut(new PrintStream(new Tee(System.out), true, StandardCharsets.UTF_8));
    }

    private ServerOutput() {
    }

    /** Loads the class and with it the tee; call before the lines of interest are printed. */
    public static void install() {
        // the static initializer does the work
    }

    /** Every line printed so far that contains {@code text}. */
    public static List<String> linesContaining(String text) {
        synchronized (LINES) {
            return LINES.stream().filter(line -> line.contains(text)).toList();
        }
    }

    /** Every line printed so far that contains {@code text}, once there is one (or the test fails after 30 s). */
    public static List<String> awaitLine(String text) {
        return Awaits.atLeast("lines with " + text, () -> linesContaining(text), 1, Duration.ofSeconds(30));
    }

    /**
     * The lines that contain {@code text}, once at least {@code count} do (the Payara adapter relays output with a
     * delay; the test fails after 30 s), and then no further one has come for 1.5 s: a line printed twice (once by
     * the library, once by the server) shows up in the result rather than being missed.
     */
    public static List<String> awaitLines(String text, int count) {
        return Awaits.atLeastThenQuiet("lines with " + text, () -> linesContaining(text), count,
                Duration.ofSeconds(30), Duration.ofMillis(1500));
    }

    /** The lines that are JSON objects, parsed; other lines are left out. */
    public static List<JsonObject> json(List<String> lines) {
        List<JsonObject> objects = new ArrayList<>();
        for (String line : lines) {
            JsonObject object = parseOrNull(line);
            if (object != null) {
                objects.add(object);
            }
        }
        return objects;
    }

    public static List<JsonObject> json(List<String> lines, Predicate<JsonObject> filter) {
        return json(lines).stream().filter(filter).toList();
    }

    /** The line as a JSON object, or null when it is not one (a line in the server's own format). */
    public static JsonObject parseOrNull(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            return null;
        }
    }

    private static final class Tee extends OutputStream {
        private final PrintStream original;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Tee(PrintStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            original.write(bytes, offset, length);
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, start, i - start);
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    synchronized (LINES) {
                        LINES.add(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                    }
                    start = i + 1;
                }
            }
            line.write(bytes, start, offset + length - start);
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
