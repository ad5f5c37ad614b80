package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 11 §10: Payara Micro stopped as Kubernetes stops it — SIGTERM to its process — still prints the lines the
 * application logs while it stops (the demo's {@code @PreDestroy} line), in observe-ee's format on stdout, although
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

        // The demo runs in its dev profile here: observe-ee's console line, not JSON; either is observe-ee's.
        List<String> stopping = lines(stdout, "application_stopping");
        assertEquals(1, stopping.size(), "the @PreDestroy line, once, on stdout: " + stopping);
        assertTrue(stopping.get(0).contains("dev.observe.demo.ApplicationLifecycle"), stopping.get(0));
    }

    /** observe-ee's lines of the demo's lifecycle bean on stdout that carry {@code event}. */
    private static List<String> lines(Path file, String event) throws java.io.IOException {
        return Files.readAllLines(file).stream().filter(line -> line.contains(event)
                && line.contains("dev.observe.demo.ApplicationLifecycle")).toList();
    }
}
