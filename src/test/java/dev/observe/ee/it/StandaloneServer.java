package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server the test starts itself with the demo deployed, for what Arquillian's adapters cannot do: a server-wide
 * logging set-up, a console Arquillian cannot parse, an environment of the test's choosing. Payara Micro always
 * with the loopback-only options; the process is stopped by the test that started it.
 */
final class StandaloneServer implements AutoCloseable {

    /** Starts a server with the given environment. */
    interface Starter {
        StandaloneServer start(Map<String, String> environment) throws Exception;
    }

    private final Process process;
    private final URL base;
    private final Path output;
    private final List<Path> outputs;

    private StandaloneServer(Process process, URL base, Path output, List<Path> outputs) {
        this.process = process;
        this.base = base;
        this.output = output;
        this.outputs = outputs;
    }

    /**
     * Payara Micro with the demo at the root context, its stdout and stderr in {@code work}; {@code jvmOptions} and
     * {@code payaraOptions} added to the loopback-only ones.
     */
    static StandaloneServer payara(String name, int port, List<String> jvmOptions, List<String> payaraOptions,
            Map<String, String> environment) throws Exception {
        return payara(name, port, Path.of(System.getProperty("demo.war")), "api/orders/0", jvmOptions, payaraOptions,
                environment);
    }

    /**
     * Payara Micro with {@code war} at the root context, ready when {@code readyPath} answers 200 or
     * with an {@code X-Request-ID}.
     */
    static StandaloneServer payara(String name, int port, Path war, String readyPath, List<String> jvmOptions,
            List<String> payaraOptions, Map<String, String> environment) throws Exception {
        Path work = Path.of(System.getProperty("payara.dir"), name);
        Files.createDirectories(work);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dhazelcast.phone.home.enabled=false",
                "-Djava.io.tmpdir=" + System.getProperty("payara.dir"),
                "-jar", System.getProperty("payara.micro.jar")));
        command.addAll(payaraOptions);
        command.addAll(List.of("--deploy", war.toString(), "--contextroot", "/",
                "--port", Integer.toString(port),
                // its own cluster name, so that it never joins the Payara Micro Arquillian runs
                "--disablephonehome", "--clustername", "observe-ee-" + name,
                "--clustermode", "tcpip:127.0.0.1:6900", "--interfaces", "127.0.0.1", "--hzpublicaddress", "127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(work.resolve("stdout.log").toFile()).redirectError(work.resolve("stderr.log").toFile());
        builder.environment().putAll(environment);
        return awaitReady(builder.start(), port, readyPath, work.resolve("stderr.log"),
                List.of(work.resolve("stdout.log"), work.resolve("stderr.log")), "Payara Micro");
    }

    /** Open Liberty's server {@code serverName} (from server-config/) with the demo in its {@code apps}. */
    static StandaloneServer liberty(String serverName, int port, Map<String, String> environment) throws Exception {
        return liberty(serverName, port, Path.of(System.getProperty("demo.war")), "observe-ee-demo.war",
                "api/orders/0", environment);
    }

    /**
     * Open Liberty's server {@code serverName} with {@code war} copied to its {@code apps} as {@code appFile} (the
     * name its {@code server.xml} deploys), ready when {@code readyPath} answers 200 or with an
     * {@code X-Request-ID}.
     */
    static StandaloneServer liberty(String serverName, int port, Path war, String appFile, String readyPath,
            Map<String, String> environment) throws Exception {
        Path home = Path.of(System.getProperty("liberty.home"));
        Path serverDir = home.resolve("usr/servers/" + serverName);
        Files.createDirectories(serverDir.resolve("apps"));
        Files.copy(war, serverDir.resolve("apps").resolve(appFile), StandardCopyOption.REPLACE_EXISTING);
        Path stdout = serverDir.resolve("stdout.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/server").toString(), "run", serverName)
                .redirectErrorStream(true).redirectOutput(stdout.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        return awaitReady(builder.start(), port, readyPath, stdout, List.of(stdout), "Liberty");
    }

    private static StandaloneServer awaitReady(Process process, int port, String readyPath, Path output,
            List<Path> outputs, String what) throws Exception {
        StandaloneServer server = new StandaloneServer(process, new URL("http://127.0.0.1:" + port + "/"), output,
                outputs);
        // Ready when the application itself answers (its X-Request-ID, or a 200 from an application without
        // observe-ee), not merely the port: Payara Micro's listener answers
        // before the application is deployed.
        Awaits.untilReady(what, process, output, Duration.ofSeconds(180),
                () -> {
                    var response = Http.get(server.base, readyPath);
                    return response.statusCode() == 200 || response.headers().firstValue("X-Request-ID").isPresent();
                });
        return server;
    }

    URL base() {
        return base;
    }

    /** The server's process (for Liberty, the launch script, whose descendant is the server's JVM). */
    ProcessHandle process() {
        return process.toHandle();
    }

    /** Where the server's console went (Payara Micro: its stderr, where its log lines go). */
    Path output() {
        return output;
    }

    /** Every line the server printed so far, on both streams. */
    List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : outputs) {
            lines.addAll(Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "server stopped");
    }
}
