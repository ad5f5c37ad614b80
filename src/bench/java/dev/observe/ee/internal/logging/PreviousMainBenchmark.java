package dev.observe.ee.internal.logging;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON line of this build against an earlier build's jar, in the same run: the records of
 * {@link JsonFormatBenchmark} written by each build's own handler to a reused buffer, inside a current span (so
 * both builds look the trace ids up the same way). The earlier jar is loaded by its own class loader, which finds
 * observe-ee's classes in that jar only and everything else (the JDK, OpenTelemetry's API, MicroProfile Config) where
 * this build finds them; its handler and records are used through JUL's types, so the measured call is the same
 * virtual call on both sides.
 *
 * <p>The jar comes from the environment variable {@value #JAR_VARIABLE} (forks inherit it), e.g. a build of the
 * previous main:
 * <pre>
 * git worktree add /tmp/oldmain a81f414 &amp;&amp; (cd /tmp/oldmain &amp;&amp; mvn -o -q -B -DskipTests package)
 * OBSERVE_PREVIOUS_JAR=/tmp/oldmain/target/observe-ee-0.1.0-SNAPSHOT.jar \
 *   mvn -o -B -Pbench -Dbench.args="-f 1 -wi 3 -i 5 -prof gc PreviousMainBenchmark"
 * </pre>
 * It supports builds whose logging classes sit in {@code dev.observe.ee.logging} (before the API/internal split) or
 * in {@code dev.observe.ee.internal.logging}, with the settings class of the same era.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PreviousMainBenchmark {

    static final String JAR_VARIABLE = "OBSERVE_PREVIOUS_JAR";

    @Param({"lite", "full"})
    String shape;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    private Handler current;
    private LogRecord currentRecord;
    private Handler previous;
    private LogRecord previousRecord;
    private io.opentelemetry.context.Scope inSpan;
    private long tick;

    @Setup
    public void setUp() throws Exception {
        boolean full = shape.equals("full");
        Object[] context = JsonFormatBenchmark.context(full);
        Object[] keyValues = JsonFormatBenchmark.keyValues(full);
        Throwable thrown = full ? JsonFormatBenchmark.exception() : null;

        current = new StdoutHandler(new LineEncoder(LogFormat.builder().service("orders").build(),
                TraceContext.detect()), out);
        currentRecord = new StructuredRecord(Level.INFO, "orders.OrderService", "order_placed", context,
                KeyValues.EMPTY, keyValues, thrown);

        PreviousJarLoader jar = new PreviousJarLoader(previousJar(), PreviousMainBenchmark.class.getClassLoader());
        String pkg = packageOf(jar);
        Class<?> formatType = jar.loadClass(pkg + ".LogFormat");
        Object builder = formatType.getMethod("builder").invoke(null);
        builder = builder.getClass().getMethod("service", String.class).invoke(builder, "orders");
        Object format = builder.getClass().getMethod("build").invoke(builder);
        Class<?> traceType = jar.loadClass(pkg + ".TraceContext");
        Method detect = traceType.getDeclaredMethod("detect");
        detect.setAccessible(true);
        Class<?> lineType = jar.loadClass(pkg + ".LineFormat");
        Constructor<?> line = lineType.getDeclaredConstructor(formatType, traceType);
        line.setAccessible(true);
        Constructor<?> handler = jar.loadClass(pkg + ".StdoutHandler").getDeclaredConstructor(lineType,
                OutputStream.class);
        handler.setAccessible(true);
        previous = (Handler) handler.newInstance(line.newInstance(format, detect.invoke(null)), out);
        Constructor<?> record = jar.loadClass(pkg + ".StructuredRecord").getDeclaredConstructor(Level.class,
                String.class, String.class, Object[].class, Object[].class, Object[].class, Throwable.class);
        record.setAccessible(true);
        previousRecord = (LogRecord) record.newInstance(Level.INFO, "orders.OrderService", "order_placed", context,
                new Object[0], keyValues, thrown);

        inSpan = full ? Span.wrap(SpanContext.create(JsonFormatBenchmark.TRACE_ID, JsonFormatBenchmark.SPAN_ID,
                TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent() : null;
    }

    @TearDown
    public void tearDown() {
        if (inSpan != null) {
            inSpan.close();
        }
    }

    private Instant nextInstant() {
        tick += 1001;
        return Instant.ofEpochMilli(JsonFormatBenchmark.START + tick).plusNanos(456_000);
    }

    @Benchmark
    public int current() {
        currentRecord.setInstant(nextInstant());
        out.reset();
        current.publish(currentRecord);
        return out.size();
    }

    @Benchmark
    public int previousMain() {
        previousRecord.setInstant(nextInstant());
        out.reset();
        previous.publish(previousRecord);
        return out.size();
    }

    private static URL previousJar() throws MalformedURLException {
        String path = System.getenv(JAR_VARIABLE);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("set " + JAR_VARIABLE + " to the earlier build's observe-ee jar (was: "
                    + path + ")");
        }
        return new File(path).toURI().toURL();
    }

    private static String packageOf(PreviousJarLoader jar) {
        for (String pkg : new String[] {"dev.observe.ee.internal.logging", "dev.observe.ee.logging"}) {
            if (jar.findResource(pkg.replace('.', '/') + "/StdoutHandler.class") != null) {
                return pkg;
            }
        }
        throw new IllegalStateException("no observe-ee StdoutHandler in " + System.getenv(JAR_VARIABLE));
    }

    /** observe-ee's classes from the earlier jar only; everything else from this build's class path. */
    static final class PreviousJarLoader extends URLClassLoader {

        PreviousJarLoader(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.observe.ee.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            // The earlier build's classes, never this build's, when the old code looks itself up by resource.
            URL own = name.startsWith("dev/observe/ee/") ? findResource(name) : null;
            return own != null ? own : super.getResource(name);
        }
    }
}
