package dev.observe.ee.it;

import static dev.observe.ee.it.Deployments.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.ChaosCollector.Mode;
import dev.observe.ee.it.app.ChaosResource;
import dev.observe.ee.it.app.TestApplication;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A collector that misbehaves in every way {@link ChaosCollector} knows, met by one deployment whose every exporter
 * points at one: spans over OTLP/HTTP and to Zipkin (both get every span, each 32 × 8 KiB of attributes, so a batch
 * is a large body), log records over OTLP/gRPC, metrics over OTLP/HTTP with {@code https://} to a plain-text port.
 * The test walks the first three collectors through every mode together, without redeploying; in each, it sends
 * requests until every exporter has met the mode. Throughout: every request is answered at once (well below the
 * 2 s export timeout, which a request that waited for an exporter would reach), every request's own log line is
 * printed, the server's output has no raw exception text ({@code Exception in thread}, stack frames) and at most one
 * exporter failure line a minute.
 *
 * <p>Found: with OpenTelemetry 1.29 (Payara Micro's SDK, and the SDK a WAR brings to a runtime without MicroProfile
 * Telemetry) a connection broken while the OTLP/HTTP exporter writes its body, or an error response whose body
 * breaks off, ends in an {@code IllegalStateException} thrown on OkHttp's dispatcher thread, which the JVM printed
 * raw: {@code Exception in thread "okhttp-dispatch-1"} and its stack trace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OnPayara
@OnLiberty
@OnLibertyBare
class CollectorChaosIT {

    /** The exporters' timeout in this deployment: a request that waited for an export would take this long. */
    private static final long EXPORT_TIMEOUT_MILLIS = 2_000;

    /** The modes walked, in this order, by the collectors of spans and log records. */
    private static final List<Mode> WALK = List.copyOf(EnumSet.complementOf(EnumSet.of(Mode.PLAIN_TEXT_ANSWER)));

    /** A JVM's exception text, also as Open Liberty relays standard error ({@code [err] } before each line). */
    private static final Pattern RAW_EXCEPTION_TEXT = Pattern.compile("Exception in thread"
            + "|^(\\[err\\] )?(\\s+at [\\w$.]+\\(|Caused by: |\\s*\\.\\.\\. \\d+ more|[\\w$.]+(Exception|Error)(: |$))");

    private static ChaosCollector spans;
    private static ChaosCollector zipkin;
    private static ChaosCollector logs;
    private static ChaosCollector tls;
    /** Where the output stood, and when, before the deployment: its exporters fail from their first export on. */
    private static int outputBeforeDeployment;
    private static long deployedAt;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        ServerOutput.install();
        outputBeforeDeployment = ServerOutput.linesContaining("").size();
        deployedAt = System.nanoTime();
        spans = ChaosCollector.start(Mode.HEALTHY);
        zipkin = ChaosCollector.start(Mode.HEALTHY);
        logs = ChaosCollector.start(Mode.REFUSED);
        tls = ChaosCollector.start(Mode.PLAIN_TEXT_ANSWER);
        WebArchive war = Deployments.war("chaos", TestApplication.class, ChaosResource.class)
                .addAsResource(new StringAsset("mp.config.profile=prod\n"
                        + "otel.service.name=chaos\n"
                        + "otel.traces.exporter=otlp,zipkin\n"
                        + "otel.logs.exporter=otlp\n"
                        + "otel.metrics.exporter=otlp\n"
                        + "otel.exporter.otlp.traces.protocol=http/protobuf\n"
                        + "otel.exporter.otlp.traces.endpoint=http://127.0.0.1:" + spans.port() + "/v1/traces\n"
                        + "otel.exporter.otlp.logs.protocol=grpc\n"
                        + "otel.exporter.otlp.logs.endpoint=http://127.0.0.1:" + logs.port() + "\n"
                        + "otel.exporter.otlp.metrics.protocol=http/protobuf\n"
                        + "otel.exporter.otlp.metrics.endpoint=https://127.0.0.1:" + tls.port() + "/v1/metrics\n"
                        + "otel.exporter.otlp.timeout=" + EXPORT_TIMEOUT_MILLIS + "\n"
                        + "otel.exporter.zipkin.endpoint=http://127.0.0.1:" + zipkin.port() + "/api/v2/spans\n"
                        + "otel.exporter.zipkin.timeout=" + EXPORT_TIMEOUT_MILLIS + "\n"
                        + "otel.bsp.schedule.delay=100\n"
                        + "otel.bsp.export.timeout=" + EXPORT_TIMEOUT_MILLIS + "\n"
                        + "otel.blrp.schedule.delay=100\n"
                        + "otel.blrp.export.timeout=" + EXPORT_TIMEOUT_MILLIS + "\n"
                        + "otel.metric.export.interval=500\n"), "META-INF/microprofile-config.properties");
        if (Deployments.bareRuntime() || server().startsWith("payara")) {
            war.addAsLibraries(Deployments.jarsIn("zipkin.exporter.dir"));
        }
        return war;
    }

    @ArquillianResource
    URL base;

    @AfterAll
    static void stopCollectors() throws IOException {
        for (ChaosCollector collector : new ChaosCollector[] {spans, zipkin, logs, tls}) {
            if (collector != null) {
                collector.close();
            }
        }
    }

    @Test
    void everyMisbehaviourOfTheCollectorLeavesRequestsAndTheOutputAlone() throws Exception {
        long start = System.nanoTime();
        // Filled by the condition, which Awaitility evaluates on a thread of its own.
        List<String> markers = new CopyOnWriteArrayList<>();
        List<String> slow = new CopyOnWriteArrayList<>();
        // The deployment's first request initializes the application (JAX-RS, CDI): not measured.
        assertEquals(200, Http.get(base, "chaos/work?marker=warm-up").statusCode());
        List<String> walked = new ArrayList<>();
        for (Mode mode : WALK) {
            long modeStart = System.nanoTime();
            int requestsBefore = markers.size();
            spans.switchTo(mode);
            zipkin.switchTo(mode);
            logs.switchTo(mode);
            // Requests until each exporter has met the mode; a refused connection leaves no trace on our side, so
            // there the requests go on for 1.5 s (several export attempts at a 100 ms schedule delay).
            var wait = Awaits.await("every exporter meets " + mode).atMost(Duration.ofSeconds(45));
            if (mode == Mode.REFUSED) {
                wait = wait.during(Duration.ofMillis(1500));
            }
            wait.untilAsserted(() -> {
                String marker = "chaos-" + mode.name() + "-" + UUID.randomUUID();
                long sent = System.nanoTime();
                HttpResponse<String> response = Http.get(base, "chaos/work?marker=" + marker);
                long millis = (System.nanoTime() - sent) / 1_000_000;
                assertEquals(200, response.statusCode(), mode + ": " + response.body());
                markers.add(marker);
                if (millis >= EXPORT_TIMEOUT_MILLIS) {
                    slow.add(mode + ": " + millis + " ms");
                }
                if (mode != Mode.REFUSED) {
                    assertTrue(spans.connections(mode) > 0 && zipkin.connections(mode) > 0
                            && logs.connections(mode) > 0, mode + ": spans " + spans.connections(mode)
                            + ", zipkin " + zipkin.connections(mode) + ", logs " + logs.connections(mode));
                }
            });
            walked.add(mode + " " + (System.nanoTime() - modeStart) / 1_000_000 + " ms/"
                    + (markers.size() - requestsBefore));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("CollectorChaosIT: " + WALK.size() + " modes walked in " + Math.round(seconds) + " s, "
                + markers.size() + " requests, TLS to a plain port tried " + tls.connections(Mode.PLAIN_TEXT_ANSWER)
                + " times; per mode (time/requests): " + walked);

        assertEquals(List.of(), slow, "no request waited for an exporter");
        assertTrue(tls.connections(Mode.PLAIN_TEXT_ANSWER) > 0, "the metrics exporter tried TLS to the plain port");
        // The last request's line is the marker that everything before it was printed.
        String last = markers.get(markers.size() - 1);
        ServerOutput.awaitLine(last);
        List<String> all = ServerOutput.linesContaining("");
        List<String> printed = all.subList(outputBeforeDeployment, all.size());
        List<String> lost = markers.stream().filter(marker -> ServerOutput.json(printed, line ->
                "chaos_work".equals(line.getString("event", null)) && marker.equals(line.getString("marker", null)))
                .isEmpty()).toList();
        assertEquals(List.of(), lost, "every request's own line is printed, as JSON");

        List<String> raw = printed.stream().filter(line -> RAW_EXCEPTION_TEXT.matcher(line).find()).toList();
        assertEquals(List.of(), raw.subList(0, Math.min(raw.size(), 20)), "no raw exception text on the output ("
                + raw.size() + " lines)");

        // Counted from the deployment on: the metrics exporter fails from its first export (TLS to a plain port).
        List<String> failures = printed.stream().filter(CollectorChaosIT::isExporterFailure).toList();
        double deployedSeconds = (System.nanoTime() - deployedAt) / 1e9;
        System.out.println("CollectorChaosIT: exporter failure lines in " + Math.round(deployedSeconds) + " s: "
                + failures.size() + " " + failures);
        assertTrue(failures.size() >= 1, "the failing collector is reported");
        assertTrue(failures.size() <= 1 + (int) (deployedSeconds / 60), "at most one line a minute: " + failures);
        for (String failure : failures) {
            JsonObject line = ServerOutput.parseOrNull(failure);
            assertTrue(line != null, "the failure line is JSON: " + failure);
        }
    }

    private static boolean isExporterFailure(String line) {
        return line.contains("Failed to export") || line.contains("Too many log messages")
                || line.contains("observe-ee: an exporter");
    }
}
