package dev.observe.ee.it;

import jakarta.json.JsonArray;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!zipkin.process.isAlive()) {
                throw new AssertionError("Zipkin exited; see " + log);
            }
            try {
                if (Http.get(zipkin.base, "health").statusCode() == 200) {
                    return zipkin;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        zipkin.close();
        throw new AssertionError("Zipkin did not start in 90 s; see " + log);
    }

    /** Where an OpenTelemetry Zipkin exporter sends spans. */
    String spansEndpoint() {
        return base + "api/v2/spans";
    }

    /** The spans Zipkin stored for the trace, once at least {@code expected} are there (or after 15 s). */
    JsonArray awaitTrace(String traceId, int expected) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonArray spans = trace(traceId);
        while (spans.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            spans = trace(traceId);
        }
        Thread.sleep(1000);
        return trace(traceId);
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
