package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.app.ProbeResource;
import dev.observe.ee.it.app.ServerStateResource;
import dev.observe.ee.it.app.SpanJson;
import dev.observe.ee.it.app.TestApplication;
import dev.observe.ee.it.app.TracedProbe;
import dev.observe.ee.it.app.TracedService;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What {@link CollectorOutageIT} (in {@code mvn verify}) and {@link CollectorOutageLoadIT} (with {@code -Pload})
 * share: the deployment exporting spans over OTLP/HTTP, the bounded load (8 clients, 2 000 requests of four spans
 * each), a collector that accepts connections and never answers, and the exporter's budget.
 */
final class CollectorOutage {

    static final int CLIENTS = 8;
    static final int REQUESTS = 2_000;

    private CollectorOutage() {
    }

    /** Where the deployment exports: next to the port of the other OTLP tests, so that neither waits for the other. */
    static int port() {
        return Integer.getInteger("it.otlp.port") + 1;
    }

    static WebArchive deployment() {
        return Deployments.war("outage", TestApplication.class, ProbeResource.class, SpanJson.class,
                        TracedProbe.class, TracedService.class, ServerStateResource.class)
                // Spans only, the load this measures (the endpoint alone would turn on metrics and logs too).
                .addAsResource(new StringAsset("otel.traces.exporter=otlp\n"
                        + "otel.metrics.exporter=none\n"
                        + "otel.logs.exporter=none\n"
                        + "otel.exporter.otlp.protocol=http/protobuf\n"
                        + "otel.exporter.otlp.endpoint=http://127.0.0.1:" + port() + "\n"
                        + "otel.bsp.schedule.delay=100\n"), "META-INF/microprofile-config.properties");
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
    }

    /** Waits until the healthy receiver has half of the spans a run makes: export is on. */
    static void awaitExport(OtlpReceiver receiver) {
        Awaits.await("export is on").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(
                receiver.spanCount() >= 2 * REQUESTS, "export is on: " + receiver.spanCount()));
    }

    /** Latencies of one run, in microseconds, sorted. */
    record Run(String name, long[] micros) {
        double meanMillis() {
            return Arrays.stream(micros).average().orElse(0) / 1000.0;
        }

        double p95Millis() {
            return micros[(int) (micros.length * 0.95)] / 1000.0;
        }

        double maxMillis() {
            return micros[micros.length - 1] / 1000.0;
        }

        @Override
        public String toString() {
            return String.format("%s: mean %.2f ms, p95 %.2f ms, max %.1f ms", name, meanMillis(), p95Millis(),
                    maxMillis());
        }
    }

    /**
     * {@code warmUp} requests one after the other, not measured, then {@link #REQUESTS} from {@link #CLIENTS}
     * clients, measured; every one must be answered 200.
     */
    static Run load(HttpClient client, URL base, String name, int warmUp) throws Exception {
        URI uri = base.toURI().resolve("probe/traced");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        for (int i = 0; i < warmUp; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        List<Long> latencies = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (next.getAndIncrement() < REQUESTS) {
                        long start = System.nanoTime();
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        latencies.add((System.nanoTime() - start) / 1000);
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client1 : running) {
                client1.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(0, failures.get(), name + ": every request answered 200");
        return new Run(name, latencies.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /** Accepts connections and never reads or answers: a collector that hangs. */
    static final class StallingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        StallingServer(int port) throws IOException {
            socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                try {
                    while (!socket.isClosed()) {
                        accepted.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // stopped
                }
            }, "stalling-collector");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : accepted) {
                // Reset rather than close, so that no TIME_WAIT keeps the port from the next receiver.
                connection.setSoLinger(true, 0);
                connection.close();
            }
        }
    }
}
