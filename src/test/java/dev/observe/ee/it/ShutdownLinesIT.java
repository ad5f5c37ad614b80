package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

/**
 * Issue 11 §10: Payara Micro stopped as Kubernetes stops it — SIGTERM to its process — still prints the lines the
 * application logs while it stops (the demo's {@code @PreDestroy} line), in observe-ee's JSON on stdout, although
 * the JDK's LogManager resets JUL in a shutdown hook of its own.
 */
@OnPayara
class ShutdownLinesIT {

    private static final int PORT = 18093;

    @Test
    void aShutdownCallbacksLineIsWrittenWhenTheServerIsStoppedWithSigterm() throws Exception {
        StandaloneServer payara = StandaloneServer.payara("sigterm", PORT, List.of(), List.of(), Map.of());
        Path stdout = Path.of(System.getProperty("payara.dir"), "sigterm", "stdout.log");
        try {
            Awaits.atLeast("the demo's start line", () -> lines(stdout, "application_started"), 1,
                    java.time.Duration.ofSeconds(30));
        } finally {
            // Process.destroy(): SIGTERM to the java process the test started, by its PID.
            payara.close();
        }

        List<String> stopping = lines(stdout, "application_stopping");
        assertEquals(1, stopping.size(), "the @PreDestroy line, once, on stdout: " + stopping);
        JsonObject line = Objects.requireNonNull(ServerOutput.parseOrNull(stopping.get(0)), stopping.get(0));
        assertEquals("dev.observe.demo.ApplicationLifecycle", line.getString("logger"));
        assertTrue(line.containsKey("timestamp"), String.valueOf(line));
    }

    private static List<String> lines(Path file, String text) throws java.io.IOException {
        return Files.readAllLines(file).stream().filter(line -> line.contains("\"" + text + "\"")).toList();
    }
}
