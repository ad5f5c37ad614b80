package dev.observe.ee.internal.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.encoder.LogstashEncoder;

import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.jboss.logmanager.formatters.StructuredFormatter;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One log record to one JSON line, for observe-ee and the JSON formatters a Java team would otherwise use, in the
 * same run. Each benchmark formats a record built once in setup, with a new timestamp (a second and a bit later)
 * every time, so that no timestamp cache flatters anyone; byte-producing encoders write into a reused buffer,
 * string-producing formatters hand their string to the blackhole.
 *
 * <p>Shapes: {@code lite} is an event with 3 key-values; {@code full} adds 6 context fields, 5 key-values, trace
 * and span ids and an exception with two causes of 30 frames each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JsonFormatBenchmark {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN_ID = "00f067aa0ba902b7";
    static final long START = Instant.parse("2024-01-15T14:32:01.123456Z").toEpochMilli();

    @Param({"lite", "full"})
    String shape;

    private long tick;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);

    private LineEncoder observe;
    private StructuredRecord observeRecord;

    private JsonFormatter jboss;
    private ExtLogRecord jbossRecord;

    private co.elastic.logging.jul.EcsFormatter elastic;
    private LogRecord elasticRecord;

    private JsonTemplateLayout log4j;
    private MutableLogEvent log4jEvent;
    private final ReusedDestination log4jDestination = new ReusedDestination();

    private LogstashEncoder logstash;
    private LoggingEvent logstashEvent;

    @Setup
    public void setUp() {
        boolean full = shape.equals("full");
        Object[] context = context(full);
        Object[] keyValues = keyValues(full);
        Throwable thrown = full ? exception() : null;

        // observe-ee: our record, our encoder, trace ids from a fixed lookup (the real one reads the OTel context).
        observe = new LineEncoder(LogFormat.builder().service("orders").build(), full ? new FixedTrace() : TraceContext.NONE);
        observeRecord = new StructuredRecord(Level.INFO, "orders.OrderService", "order_placed", context,
                KeyValues.EMPTY, keyValues, thrown);

        // jboss-logmanager: everything as MDC strings (its JSON has no typed per-record fields).
        jboss = new JsonFormatter();
        jboss.setExceptionOutputType(StructuredFormatter.ExceptionOutputType.FORMATTED);
        jbossRecord = new ExtLogRecord(Level.INFO, "order_placed", ExtLogRecord.FormatStyle.NO_FORMAT,
                JsonFormatBenchmark.class.getName());
        jbossRecord.setLoggerName("orders.OrderService");
        jbossRecord.setThrown(thrown);
        for (Map.Entry<String, String> field : asStrings(context, keyValues, full).entrySet()) {
            jbossRecord.putMdc(field.getKey(), field.getValue());
        }

        // Elastic's JUL formatter: JUL has no per-record fields, so the same fields go in as its static
        // "additional fields" (strings): the same work of writing them, none of the per-record lookup.
        elastic = new co.elastic.logging.jul.EcsFormatter();
        elastic.setServiceName("orders");
        List<co.elastic.logging.AdditionalField> additional = new ArrayList<>();
        asStrings(context, keyValues, full).forEach((key, value) ->
                additional.add(new co.elastic.logging.AdditionalField(key, value)));
        elastic.setAdditionalFields(additional);
        elasticRecord = new LogRecord(Level.INFO, "order_placed");
        elasticRecord.setLoggerName("orders.OrderService");
        elasticRecord.setThrown(thrown);

        // Log4j 2 JsonTemplateLayout, ECS template, typed values in the event's context data.
        log4j = JsonTemplateLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                .setEventTemplateUri("classpath:EcsLayout.json").build();
        log4jEvent = new MutableLogEvent();
        log4jEvent.setLevel(org.apache.logging.log4j.Level.INFO);
        log4jEvent.setLoggerName("orders.OrderService");
        log4jEvent.setMessage(new SimpleMessage("order_placed"));
        log4jEvent.setThreadName(Thread.currentThread().getName());
        log4jEvent.setThrown(thrown);
        log4jEvent.setContextStack(org.apache.logging.log4j.ThreadContext.EMPTY_STACK);
        SortedArrayStringMap data = new SortedArrayStringMap();
        for (int i = 0; i < context.length; i += 2) {
            data.putValue((String) context[i], context[i + 1]);
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            data.putValue((String) keyValues[i], keyValues[i + 1]);
        }
        if (full) {
            data.putValue("trace.id", TRACE_ID);
            data.putValue("span.id", SPAN_ID);
        }
        log4jEvent.setContextData(data);

        // logstash-logback-encoder: context as MDC, key-values as structured arguments (typed), streaming encode.
        LoggerContext loggerContext = new LoggerContext();
        logstash = new LogstashEncoder();
        logstash.setContext(loggerContext);
        logstash.start();
        logstashEvent = new LoggingEvent();
        logstashEvent.setLoggerContext(loggerContext);
        logstashEvent.setLoggerName("orders.OrderService");
        logstashEvent.setLevel(ch.qos.logback.classic.Level.INFO);
        logstashEvent.setMessage("order_placed");
        logstashEvent.setThreadName(Thread.currentThread().getName());
        Map<String, String> mdc = new LinkedHashMap<>();
        for (int i = 0; i < context.length; i += 2) {
            mdc.put((String) context[i], (String) context[i + 1]);
        }
        if (full) {
            mdc.put("trace_id", TRACE_ID);
            mdc.put("span_id", SPAN_ID);
        }
        logstashEvent.setMDCPropertyMap(mdc);
        Object[] arguments = new Object[keyValues.length / 2];
        for (int i = 0; i < keyValues.length; i += 2) {
            arguments[i / 2] = StructuredArguments.keyValue((String) keyValues[i], keyValues[i + 1]);
        }
        logstashEvent.setArgumentArray(arguments);
        if (thrown != null) {
            logstashEvent.setThrowableProxy(new ThrowableProxy(thrown));
        }
    }

    /** The next timestamp: a second and a millisecond after the last one. */
    private long nextMillis() {
        tick += 1001;
        return START + tick;
    }

    @Benchmark
    public void observeEe(Blackhole blackhole) throws IOException {
        observeRecord.setInstant(Instant.ofEpochMilli(nextMillis()).plusNanos(456_000));
        out.reset();
        observe.encode(observeRecord, line -> line.writeTo(out));
        blackhole.consume(out.size());
    }

    @Benchmark
    public String jbossLogManager() {
        jbossRecord.setInstant(Instant.ofEpochMilli(nextMillis()));
        return jboss.format(jbossRecord);
    }

    @Benchmark
    public String elasticJulEcs() {
        elasticRecord.setInstant(Instant.ofEpochMilli(nextMillis()));
        return elastic.format(elasticRecord);
    }

    @Benchmark
    public void log4jJsonTemplateEcs(Blackhole blackhole) {
        log4jEvent.setTimeMillis(nextMillis());
        log4jDestination.buffer.clear();
        log4j.encode(log4jEvent, log4jDestination);
        blackhole.consume(log4jDestination.buffer.position());
    }

    @Benchmark
    public void logstashLogback(Blackhole blackhole) throws IOException {
        logstashEvent.setTimeStamp(nextMillis());
        out.reset();
        logstash.encode(logstashEvent, out);
        blackhole.consume(out.size());
    }

    private static Map<String, String> asStrings(Object[] context, Object[] keyValues, boolean full) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < context.length; i += 2) {
            fields.put((String) context[i], String.valueOf(context[i + 1]));
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], String.valueOf(keyValues[i + 1]));
        }
        if (full) {
            fields.put("trace_id", TRACE_ID);
            fields.put("span_id", SPAN_ID);
        }
        return fields;
    }

    /** An exception with two causes, 30 distinct frames each (nothing for a formatter to fold). */
    /** The request context fields of a shape. */
    static Object[] context(boolean full) {
        return full ? new Object[] {"request_id", "0f8fad5b-d9cb-469f-a165-70867728950e", "method", "POST", "path",
                "/api/orders", "user_id", "alice", "tenant", "acme", "client_ip", "203.0.113.7"} : new Object[0];
    }

    /** The call's key-values of a shape. */
    static Object[] keyValues(boolean full) {
        return full ? new Object[] {"order_id", 456L, "total", 99.99, "item_count", 3, "express", true, "sku", "A1"}
                : new Object[] {"order_id", 456L, "total", 99.99, "user", "alice"};
    }

    static Throwable exception() {
        Throwable root = withFrames(new IllegalStateException("connection refused"), "db");
        Throwable middle = withFrames(new RuntimeException("insert failed", root), "repository");
        return withFrames(new IllegalArgumentException("order rejected", middle), "service");
    }

    private static <T extends Throwable> T withFrames(T thrown, String layer) {
        StackTraceElement[] frames = new StackTraceElement[30];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement("com.example." + layer + ".Layer" + i, "call" + i,
                    "Layer" + i + ".java", 100 + i);
        }
        thrown.setStackTrace(frames);
        return thrown;
    }

    /** Fixed ids standing in for the OpenTelemetry lookup. */
    static final class FixedTrace extends TraceContext {
        @Override
        void addTo(LogRecord record, LogEvent event) {
            event.traceId = TRACE_ID;
            event.spanId = SPAN_ID;
        }
    }

    /** A Log4j destination over one reused heap buffer, as its garbage-free appenders use. */
    static final class ReusedDestination implements ByteBufferDestination {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

        @Override
        public ByteBuffer getByteBuffer() {
            return buffer;
        }

        @Override
        public ByteBuffer drain(ByteBuffer full) {
            buffer = ByteBuffer.allocate(full.capacity() * 2).put(full.flip());
            return buffer;
        }

        @Override
        public void writeBytes(ByteBuffer data) {
            if (buffer.remaining() < data.remaining()) {
                drain(buffer);
            }
            buffer.put(data);
        }

        @Override
        public void writeBytes(byte[] data, int offset, int length) {
            if (buffer.remaining() < length) {
                drain(buffer);
            }
            buffer.put(data, offset, length);
        }
    }
}
