package dev.observe.ee.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Zipkin server ({@code io.zipkin:zipkin-server} exec jar, in-memory storage), started by the test on
 * 127.0.0.1 and stopped by it; its API answers what it stored.
 */
final class ZipkinServer implements AutoCloseable {

    private final Process process;
    private final URL base;

    private ZipkinServer(Process process, URL base) {
        this.process = process;
        this.base = base;
    }

    static ZipkinServer start(int port) throws Exception {
        Path jar = Path.of(System.getProperty("zipkin.server.jar"));
        Path log = jar.resolveSibling("zipkin-" + port + ".log");
        Files.createDirectories(jar.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                // Only the loopback address and this port (naming only the address would bind a random port).
                "-Darmeria.ports[0].ip=127.0.0.1", "-Darmeria.ports[0].port=" + port,
                "-Darmeria.ports[0].protocols[0]=http",
                "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STORAGE_TYPE", "mem");
        ZipkinServer zipkin = new ZipkinServer(builder.start(), new URL("http://127.0.0.1:" + port + "/"));
        Awaits.untilReady("Zipkin", zipkin.process, log, Duration.ofSeconds(90),
                () -> Http.get(zipkin.base, "health").statusCode() == 200);
        return zipkin;
    }

    /** Where an OpenTelemetry Zipkin exporter sends spans. */
    String spansEndpoint() {
        return base + "api/v2/spans";
    }

    /**
     * The spans Zipkin stored for the trace, once at least {@code expected} are there (the test fails after 15 s)
     * and then no further one has come for 1 s, so that a span stored twice is seen rather than missed.
     */
    JsonArray awaitTrace(String traceId, int expected) {
        List<JsonValue> spans = Awaits.atLeastThenQuiet("spans of trace " + traceId + " in Zipkin", () -> trace(traceId),
                expected, Duration.ofSeconds(15), Duration.ofSeconds(1));
        return Json.createArrayBuilder(spans).build();
    }

    /** The trace's spans; empty when Zipkin has none (its API answers 404). */
    JsonArray trace(String traceId) throws IOException {
        HttpResponse<String> response = Http.get(base, "api/v2/trace/" + traceId);
        return response.statusCode() == 404 ? jakarta.json.JsonValue.EMPTY_JSON_ARRAY : Http.jsonArray(response);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
