package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.it.load.AllocatedBytesResource;
import dev.observe.ee.it.load.HelloResource;
import dev.observe.ee.it.load.KeyValuesResource;
import dev.observe.ee.it.load.LoadApplication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What observe-ee adds to the server CPU time of a request, end to end (issue 12; docs/performance.md has the command,
 * the machine and the results). A trivial {@code GET /api/hello} is driven by wrk (Debian's package) on 127.0.0.1;
 * the server process's CPU time (user + system, {@code /proc/<pid>/stat}, the JVM and any process it started) over a
 * measured run, divided by the requests wrk completed, is the cost of a request. Three WARs, each in its own server
 * start, the runtime's MicroProfile Telemetry on with every exporter {@code none}:
 *
 * <ul>
 *   <li><b>runtime</b>: no observe-ee. Variant R ({@code /api/hello}) and RL ({@code /api/hello/jul}, one plain JUL
 *       INFO line printed by the server's own logging);
 *   <li><b>observe</b>: the same classes and the observe-ee jar in {@code WEB-INF/lib}, production profile (JSON
 *       lines). Variant O, OL (the same JUL line, rendered by observe-ee) and OK ({@code /api/hello/kv}, one
 *       {@code Log} line with three bound key-values);
 *   <li><b>off</b>: the observe WAR with {@code observe.enabled=false}. Variant OFF.
 * </ul>
 *
 * <p>Variants of one WAR are measured in the same server start, alternated over {@code passes}: their differences
 * then carry no JVM-start noise (which on Payara Micro is as large as the goal). Differences between WARs do, so the
 * rounds repeat every WAR, baseline included, and the table shows each round. Allocation per request is read from
 * the server's per-thread allocation counters ({@link AllocatedBytesResource}) around each run.
 *
 * <p>Run by {@code mvn -Pload}; bounded by the settings below (about 8 minutes per server with the defaults):
 * {@code -Dload.rounds} (2), {@code -Dload.warmup} (seconds of load per server start before measuring,
 * 40), {@code -Dload.seconds} (per measured run, 5), {@code -Dload.passes} (2), {@code -Dload.connections} (8).
 */
final class RequestCost {

    static final int ROUNDS = Integer.getInteger("load.rounds", 2);
    static final int WARMUP_SECONDS = Integer.getInteger("load.warmup", 40);
    static final int SECONDS = Integer.getInteger("load.seconds", 5);
    static final int PASSES = Integer.getInteger("load.passes", 2);
    static final int CONNECTIONS = Integer.getInteger("load.connections", 8);

    /** The WAR runtime telemetry is configured by, on both servers: spans recorded, nothing exported. */
    private static final String TELEMETRY = """
            otel.sdk.disabled=false
            otel.traces.exporter=none
            otel.metrics.exporter=none
            otel.logs.exporter=none
            """;

    /** One of the three WARs and the variants (paths) measured on it. */
    enum War {
        RUNTIME("runtime", Map.of("R", "api/hello", "RL", "api/hello/jul")),
        OBSERVE("observe", Map.of("O", "api/hello", "OL", "api/hello/jul", "OK", "api/hello/kv")),
        OFF("off", Map.of("OFF", "api/hello"));

        final String name;
        final Map<String, String> variants;

        War(String name, Map<String, String> variants) {
            this.name = name;
            this.variants = new LinkedHashMap<>();
            // A fixed order: the map literals above have none.
            Stream.of("R", "RL", "O", "OL", "OK", "OFF").filter(variants::containsKey)
                    .forEach(variant -> this.variants.put(variant, variants.get(variant)));
        }

        /** Builds the WAR into {@code folder}, as a user would: the application's classes, the library's jar. */
        Path build(Path folder) {
            WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                    .addClasses(LoadApplication.class, HelloResource.class, HelloResource.Greeting.class,
                            AllocatedBytesResource.class);
            String configuration = TELEMETRY;
            if (this != RUNTIME) {
                war.addClass(KeyValuesResource.class).addAsLibrary(Deployments.libraryJar());
            }
            if (this == OFF) {
                configuration += "observe.enabled=false\n";
            }
            war.addAsResource(new StringAsset(configuration), "META-INF/microprofile-config.properties");
            Path file = folder.resolve(name + ".war");
            war.as(ZipExporter.class).exportTo(file.toFile(), true);
            return file;
        }
    }

    /** One measured run: CPU time and allocation of the server over {@code requests} requests. */
    record Run(String variant, int round, long requests, double cpuMicros, long allocatedBytes) {
    }

    /** Starts a server with a WAR on it, its JVM given {@code jvmOptions} too. */
    interface Server {
        StandaloneServer start(War war, Path file, List<String> jvmOptions) throws Exception;
    }

    private final String serverName;
    private final Server server;
    private final Path folder;
    private final List<Run> runs = new ArrayList<>();
    private final List<Profiler.Profile> profiles = new ArrayList<>();

    /** {@code folderName}: under {@code target/load/}, for the WARs and the table. */
    RequestCost(String serverName, String folderName, Server server) throws IOException {
        this.serverName = serverName;
        this.server = server;
        this.folder = Path.of("target", "load", folderName);
        Files.createDirectories(folder);
    }

    /** Runs every round and returns the table, which it also writes to {@code target/load/<server>/cost.md}. */
    String measure() throws Exception {
        String wrk = Wrk.find();
        Map<War, Path> wars = new LinkedHashMap<>();
        for (War war : War.values()) {
            wars.put(war, war.build(folder));
        }
        for (int round = 1; round <= ROUNDS; round++) {
            for (War war : War.values()) {
                try (StandaloneServer started = server.start(war, wars.get(war), Profiler.jvmOptions())) {
                    warmUp(wrk, started, war);
                    for (int pass = 0; pass < PASSES; pass++) {
                        // Every other pass in reverse order (A B C, C B A): a drift over the server's life (its
                        // JIT, its heap) then weighs the same on every variant instead of on the last one.
                        List<Map.Entry<String, String>> order = new ArrayList<>(war.variants.entrySet());
                        if (pass % 2 == 1) {
                            java.util.Collections.reverse(order);
                        }
                        for (Map.Entry<String, String> variant : order) {
                            runs.add(measureOne(wrk, started, variant.getKey(), variant.getValue(), round));
                        }
                    }
                    if (round == ROUNDS && Profiler.available()) {
                        // After the measured runs, so that the profiler's own cost is in none of them.
                        for (String variant : List.of("R", "O")) {
                            if (war.variants.containsKey(variant)) {
                                profiles.add(Profiler.profile(wrk, started, variant, war.variants.get(variant),
                                        folder));
                            }
                        }
                    }
                }
            }
        }
        String table = table();
        Files.writeString(folder.resolve("cost.md"), table, StandardCharsets.UTF_8);
        return table;
    }

    /**
     * {@link #WARMUP_SECONDS} of load before anything is measured, in slices over the WAR's variants, so that every
     * start gets the same warm-up whatever its number of variants: Payara Micro's JIT was still settling after 20 s
     * (a variant measured after 20 s cost 3.5 times its value after 60 s).
     */
    private static void warmUp(String wrk, StandaloneServer started, War war) throws Exception {
        int slice = Math.max(1, Math.min(5, WARMUP_SECONDS / war.variants.size()));
        for (int spent = 0; spent < WARMUP_SECONDS; ) {
            for (String path : war.variants.values()) {
                Wrk.run(wrk, started, path, slice);
                spent += slice;
            }
        }
    }

    private Run measureOne(String wrk, StandaloneServer started, String variant, String path, int round)
            throws Exception {
        Map<String, Long> allocatedBefore = allocated(started);
        long cpuBefore = Cpu.ticks(started.process());
        Wrk.Result result = Wrk.run(wrk, started, path, SECONDS);
        long cpuAfter = Cpu.ticks(started.process());
        Map<String, Long> allocatedAfter = allocated(started);
        long allocatedBytes = allocatedAfter.isEmpty() ? -1 : allocatedAfter.entrySet().stream()
                .mapToLong(thread -> thread.getValue() - allocatedBefore.getOrDefault(thread.getKey(), 0L)).sum();
        return new Run(variant, round, result.requests(), (cpuAfter - cpuBefore) * Cpu.MICROS_PER_TICK,
                allocatedBytes);
    }

    /** Bytes allocated so far by each live thread of the server, by thread id; empty where not counted. */
    private static Map<String, Long> allocated(StandaloneServer started) throws IOException {
        var response = Http.get(started.base(), "api/load/allocated");
        assertEquals(200, response.statusCode(), "allocation counters answered");
        Map<String, Long> threads = new java.util.HashMap<>();
        for (String line : response.body().split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                threads.put(line.substring(0, equals), Long.parseLong(line.substring(equals + 1).trim()));
            }
        }
        return threads;
    }

    /**
     * One variant's CPU per request in one round: all its passes' CPU over all their requests (a mean of the passes'
     * ratios would let one slow pass of few requests weigh as much as a fast one of many).
     */
    private double cpu(String variant, int round) {
        List<Run> passes = passes(variant, round);
        return passes.stream().mapToDouble(Run::cpuMicros).sum() / passes.stream().mapToLong(Run::requests).sum();
    }

    private double bytes(String variant, int round) {
        List<Run> passes = passes(variant, round);
        if (passes.stream().anyMatch(run -> run.allocatedBytes() < 0)) {
            return Double.NaN;
        }
        return (double) passes.stream().mapToLong(Run::allocatedBytes).sum()
                / passes.stream().mapToLong(Run::requests).sum();
    }

    private List<Run> passes(String variant, int round) {
        List<Run> passes = runs.stream().filter(run -> run.variant().equals(variant) && run.round() == round)
                .toList();
        assertTrue(!passes.isEmpty(), () -> variant + " was measured in round " + round);
        return passes;
    }

    /** A row of the table: what it says and how a round's value is worked out. */
    private record Row(String label, String plus, String minus) {
    }

    String table() {
        List<Row> rows = List.of(
                new Row("R: runtime telemetry only, no observe-ee", "R", null),
                new Row("**O − R**: observe-ee in the WAR, no log line", "O", "R"),
                new Row("OFF − R: observe-ee in the WAR, `observe.enabled=false`", "OFF", "R"),
                new Row("RL − R: one JUL INFO line through the server's own logging", "RL", "R"),
                new Row("OL − O: the same JUL line, rendered by observe-ee as JSON", "OL", "O"),
                new Row("OK − O: one `Log` line with three bound key-values", "OK", "O"),
                new Row("OK − OL: the key-value API over a plain record", "OK", "OL"));
        StringBuilder table = new StringBuilder();
        table.append("Server CPU µs per request on ").append(serverName).append(" (").append(ROUNDS)
                .append(" rounds, ").append(PASSES).append(" × ").append(SECONDS).append(" s per variant and round, ")
                .append(CONNECTIONS).append(" connections)\n\n| variant |");
        for (int round = 1; round <= ROUNDS; round++) {
            table.append(" round ").append(round).append(" |");
        }
        table.append(" mean | bytes allocated per request (mean) |\n|---|");
        table.append("---:|".repeat(ROUNDS + 2)).append('\n');
        for (Row row : rows) {
            table.append("| ").append(row.label()).append(" |");
            double sum = 0;
            double bytesSum = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                double value = cpu(row.plus(), round) - (row.minus() == null ? 0 : cpu(row.minus(), round));
                bytesSum += bytes(row.plus(), round) - (row.minus() == null ? 0 : bytes(row.minus(), round));
                sum += value;
                table.append(' ').append(format(value, row.minus() != null)).append(" |");
            }
            table.append(' ').append(format(sum / ROUNDS, row.minus() != null)).append(" | ")
                    .append(String.format(Locale.ROOT, row.minus() == null ? "%.0f" : "%+.0f", bytesSum / ROUNDS))
                    .append(" |\n");
        }
        table.append("\nRequests per second (mean of passes) by round:");
        for (String variant : List.of("R", "O", "OFF", "RL", "OL", "OK")) {
            table.append(' ').append(variant).append(' ');
            for (int round = 1; round <= ROUNDS; round++) {
                int r = round;
                double perSecond = runs.stream().filter(run -> run.variant().equals(variant) && run.round() == r)
                        .mapToLong(Run::requests).average().orElseThrow() / SECONDS;
                table.append(round > 1 ? "/" : "").append(String.format(Locale.ROOT, "%.0f", perSecond));
            }
        }
        table.append('\n');
        for (Profiler.Profile profile : profiles) {
            table.append('\n').append(profile.table());
        }
        return table.toString();
    }

    private static String format(double value, boolean difference) {
        return String.format(Locale.ROOT, difference ? "%+.1f" : "%.1f", value);
    }

    /** CPU time of a process and everything it started, from {@code /proc}. */
    static final class Cpu {

        /** {@code /proc/<pid>/stat} counts in clock ticks of {@code sysconf(_SC_CLK_TCK)}, 100 on Linux. */
        static final double MICROS_PER_TICK = 1_000_000.0 / clockTicksPerSecond();

        private Cpu() {
        }

        static long ticks(ProcessHandle process) throws IOException {
            long ticks = ticks(process.pid());
            for (ProcessHandle child : process.descendants().toList()) {
                ticks += ticks(child.pid());
            }
            return ticks;
        }

        /** utime + stime: fields 14 and 15 of {@code /proc/<pid>/stat}, counted after the command's parentheses. */
        private static long ticks(long pid) throws IOException {
            String stat;
            try {
                stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            } catch (java.nio.file.NoSuchFileException gone) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        private static long clockTicksPerSecond() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                getconf.waitFor(10, TimeUnit.SECONDS);
                return Long.parseLong(out);
            } catch (IOException | NumberFormatException e) {
                return 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 100;
            }
        }
    }

    /**
     * async-profiler (Maven Central's {@code tools.profiler:async-profiler}, unpacked by {@code -Pload}): loaded idle
     * into every server JVM, started and stopped around one extra run of variants R and O in the last round
     * ({@code itimer}, 1 ms of CPU per sample), its stacks kept in {@code target/load/<server>/<variant>.collapsed}
     * and summed here by who the time is spent in. A frame's share of the samples times the run's CPU per request
     * is its cost per request.
     */
    static final class Profiler {

        private static final Path LIBRARY = Path.of(System.getProperty("load.async.profiler", "none"));

        /** A frame of the servers' own code (what runs below one of observe-ee's frames is then not observe-ee's). */
        private static final Pattern SERVER_FRAME = Pattern.compile("^(org/glassfish|org/apache|org/jvnet|com/sun|"
                + "fish/payara|org/jboss|jdk/proxy|com/ibm|org/eclipse|io/openliberty|com/hazelcast|org/jboss)");

        /** What is reported for variant O: a label and the frame (or test) its samples are counted by. */
        private static final Map<String, String> PARTS = new LinkedHashMap<>();

        static {
            PARTS.put("servlet filter: begin (request id, context, log context, span checks)",
                    "dev/observe/ee/internal/web/ServerRequests.begin");
            PARTS.put("servlet filter: end (context restored)", "dev/observe/ee/internal/web/ServerRequest.end");
            PARTS.put("JAX-RS RequestContextFilter (status, X-Request-ID)",
                    "dev/observe/ee/internal/web/RequestContextFilter.filter");
            PARTS.put("JAX-RS ServerSpanFilter (route template, span name)",
                    "dev/observe/ee/internal/web/ServerSpanFilter.filter");
            PARTS.put("JAX-RS AuthenticatedUserFilter (user_id)",
                    "dev/observe/ee/internal/web/AuthenticatedUserFilter.filter");
            PARTS.put("sampler (excluded paths)", "dev/observe/ee/internal/telemetry/ExcludedPathsSampler");
            PARTS.put("Weld interception of the resource method (exceptions onto the span)", "interception");
        }

        record Profile(String variant, double cpuMicrosPerRequest, long samples, Map<String, Double> parts,
                double ownMicros, Path stacks) {

            String table() {
                StringBuilder table = new StringBuilder();
                table.append(String.format(Locale.ROOT, "Profile of %s (async-profiler, %d samples, %.1f µs of "
                        + "server CPU per request; %s):%n", variant, samples, cpuMicrosPerRequest, stacks));
                if (variant.equals("O")) {
                    table.append("\n| observe-ee's part of variant O | µs per request |\n|---|---:|\n");
                    parts.forEach((label, micros) -> table.append(String.format(Locale.ROOT, "| %s | %.2f |%n",
                            label, micros)));
                    table.append(String.format(Locale.ROOT, "| **all of observe-ee's own code** (samples whose "
                            + "innermost observe-ee frame calls no server code) | **%.2f** |%n", ownMicros));
                }
                return table.toString();
            }
        }

        private Profiler() {
        }

        static boolean available() {
            return Files.isRegularFile(LIBRARY) && System.getProperty("os.arch", "").matches("amd64|x86_64")
                    && !Boolean.getBoolean("load.noprofile");
        }

        /** The JVM option that loads the profiler, idle; none where it is not available. */
        static List<String> jvmOptions() {
            return available() ? List.of("-agentpath:" + LIBRARY) : List.of();
        }

        static Profile profile(String wrk, StandaloneServer started, String variant, String path, Path folder)
                throws Exception {
            long jvm = javaProcess(started.process());
            Path stacks = folder.toAbsolutePath().resolve(variant + ".collapsed");
            command(jvm, "start,event=itimer,interval=1ms");
            long cpuBefore = Cpu.ticks(started.process());
            Wrk.Result result = Wrk.run(wrk, started, path, SECONDS * 2);
            long cpuAfter = Cpu.ticks(started.process());
            command(jvm, "stop,file=" + stacks + ",collapsed");
            double cpuPerRequest = (cpuAfter - cpuBefore) * Cpu.MICROS_PER_TICK / result.requests();
            return summarize(variant, cpuPerRequest, stacks);
        }

        static Profile summarize(String variant, double cpuPerRequest, Path stacks) throws IOException {
            Map<String, Long> parts = new LinkedHashMap<>();
            PARTS.keySet().forEach(label -> parts.put(label, 0L));
            long total = 0;
            long own = 0;
            for (String line : Files.readAllLines(stacks, StandardCharsets.UTF_8)) {
                int space = line.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                long count = Long.parseLong(line.substring(space + 1));
                String[] frames = line.substring(0, space).split(";");
                total += count;
                String stack = line.substring(0, space);
                for (Map.Entry<String, String> part : PARTS.entrySet()) {
                    boolean counted = part.getValue().equals("interception")
                            ? stack.contains("org/jboss/weld/interceptor/") && !stack.contains("HelloResource.hello")
                            : stack.contains(part.getValue());
                    if (counted) {
                        parts.merge(part.getKey(), count, Long::sum);
                    }
                }
                if (isOwn(frames) || stack.contains("org/jboss/weld/interceptor/")
                        && !stack.contains("HelloResource.hello")) {
                    own += count;
                }
            }
            long samples = total;
            Map<String, Double> micros = new LinkedHashMap<>();
            parts.forEach((label, count) -> micros.put(label, samples == 0 ? 0 : cpuPerRequest * count / samples));
            return new Profile(variant, cpuPerRequest, samples, micros,
                    samples == 0 ? 0 : cpuPerRequest * own / samples, stacks);
        }

        /** Whether the innermost observe-ee frame of a stack calls no server code: the sample is observe-ee's. */
        private static boolean isOwn(String[] frames) {
            for (int i = frames.length - 1; i >= 0; i--) {
                if (frames[i].startsWith("dev/observe/ee/internal") || frames[i].startsWith("dev/observe/ee/logging")) {
                    for (int j = i + 1; j < frames.length; j++) {
                        if (SERVER_FRAME.matcher(frames[j]).find()) {
                            return false;
                        }
                    }
                    return true;
                }
            }
            return false;
        }

        /** The server's JVM: the process started, or (Liberty's launch script) the java process below it. */
        private static long javaProcess(ProcessHandle started) {
            return Stream.concat(Stream.of(started), started.descendants())
                    .filter(process -> process.info().command().map(command -> command.endsWith("/java"))
                            .orElse(false))
                    .findFirst().orElseThrow(() -> new AssertionError("no java process below " + started.pid()))
                    .pid();
        }

        /** One profiler command, through the JVM's attach mechanism (the library is already loaded). */
        private static void command(long pid, String arguments) throws Exception {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "JVMTI.agent_load",
                    LIBRARY.toString(), "\"" + arguments + "\"").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS) && output.contains("return code: 0"),
                    () -> "async-profiler " + arguments + ":\n" + output);
        }
    }

    /** wrk, the load generator: found on the PATH, or installed from Debian's packages when run as root. */
    static final class Wrk {

        private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
        private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");

        record Result(long requests, String output) {
        }

        private Wrk() {
        }

        static String find() throws Exception {
            for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path candidate = Path.of(folder, "wrk");
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
            // The load benchmark's one outside tool: Debian's package, installed on first use where the build may.
            assertTrue(Files.isExecutable(Path.of("/usr/bin/apt-get"))
                    && "root".equals(System.getProperty("user.name")),
                    "wrk is needed: install Debian's package wrk (apt-get install wrk)");
            Process install = new ProcessBuilder("apt-get", "install", "-y", "-q", "--no-install-recommends", "wrk")
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "load", "apt-get-wrk.log").toFile())
                    .start();
            assertTrue(install.waitFor(10, TimeUnit.MINUTES) && install.exitValue() == 0,
                    "apt-get install wrk failed; see target/load/apt-get-wrk.log");
            return "/usr/bin/wrk";
        }

        static Result run(String wrk, StandaloneServer server, String path, int seconds) throws Exception {
            Process process = new ProcessBuilder(wrk, "-t1", "-c" + CONNECTIONS, "-d" + seconds + "s",
                    server.base() + path).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(seconds + 30L, TimeUnit.SECONDS), "wrk ended");
            assertEquals(0, process.exitValue(), () -> "wrk failed:\n" + output);
            Matcher requests = REQUESTS.matcher(output);
            assertTrue(requests.find(), () -> "wrk's request count in:\n" + output);
            Matcher failed = NON_2XX.matcher(output);
            assertTrue(!failed.find(), () -> path + " answered something else than 2xx:\n" + output);
            Matcher socketErrors = SOCKET_ERRORS.matcher(output);
            assertTrue(!socketErrors.find(), () -> path + " had socket errors:\n" + output);
            long count = Long.parseLong(requests.group(1));
            assertTrue(count > 0, () -> "requests completed:\n" + output);
            return new Result(count, output);
        }
    }
}
