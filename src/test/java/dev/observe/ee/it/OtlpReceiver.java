package dev.observe.ee.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP receiver for the export tests, on 127.0.0.1, over OTLP/HTTP (protobuf) or OTLP/gRPC like a collector's
 * 4318 and 4317: decodes what the server under test exports with OpenTelemetry's own protocol definitions
 * ({@code opentelemetry-proto}, whose generated gRPC services gRPC's Netty server runs) and keeps every span,
 * metric and log record with its resource's {@code service.name} and the request's {@code Authorization} header.
 */
final class OtlpReceiver implements AutoCloseable {

    /**
     * A received span, flattened for assertions; {@code transport} is "http" or "grpc"; {@code exceptionMessages}
     * in the order of {@code exceptionTypes} (null where an event has no message).
     */
    record ReceivedSpan(String serviceName, String traceId, String spanId, String parentSpanId, String name,
            String kind, String status, List<String> exceptionTypes, Map<String, String> attributes,
            String authorization, String transport, List<String> exceptionMessages) {
    }

    /** A received metric (name only: the tests ask which instruments arrived, from which service). */
    record ReceivedMetric(String serviceName, String name, String authorization, String transport) {
    }

    /** A received log record: body text, severity, the trace context it carries, its attributes. */
    record ReceivedLog(String serviceName, String body, String severity, String traceId, String spanId,
            Map<String, String> attributes, String authorization, String transport) {
    }

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> CALL_AUTHORIZATION = Context.key("authorization");

    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<ReceivedMetric> metrics = new CopyOnWriteArrayList<>();
    private final List<ReceivedLog> logs = new CopyOnWriteArrayList<>();
    private HttpServer http;
    private Server grpc;

    private OtlpReceiver() {
    }

    /** OTLP/HTTP with protobuf bodies on {@code port}: {@code /v1/traces}, {@code /v1/metrics}, {@code /v1/logs}. */
    static OtlpReceiver http(int port) throws IOException, InterruptedException {
        OtlpReceiver receiver = new OtlpReceiver();
        HttpServer http = bindHttp(port);
        http.createContext("/v1/traces", exchange -> receive(exchange, body -> {
            receiver.traces(ExportTraceServiceRequest.parseFrom(body), authorization(exchange), "http");
            return ExportTraceServiceResponse.getDefaultInstance().toByteArray();
        }));
        http.createContext("/v1/metrics", exchange -> receive(exchange, body -> {
            receiver.metrics(ExportMetricsServiceRequest.parseFrom(body), authorization(exchange), "http");
            return ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
        }));
        http.createContext("/v1/logs", exchange -> receive(exchange, body -> {
            receiver.logs(ExportLogsServiceRequest.parseFrom(body), authorization(exchange), "http");
            return ExportLogsServiceResponse.getDefaultInstance().toByteArray();
        }));
        http.createContext("/", exchange -> respond(exchange, 404, new byte[0]));
        http.start();
        receiver.http = http;
        return receiver;
    }

    /** OTLP/gRPC on {@code port} (plaintext HTTP/2, as an OTLP exporter sends to an {@code http://} endpoint). */
    static OtlpReceiver grpc(int port) throws IOException, InterruptedException {
        OtlpReceiver receiver = new OtlpReceiver();
        receiver.grpc = bindGrpc(port, receiver);
        return receiver;
    }

    private static Server bindGrpc(int port, OtlpReceiver store) {
        io.grpc.ServerInterceptor keepAuthorization = new io.grpc.ServerInterceptor() {
            @Override
            public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, Metadata headers,
                    io.grpc.ServerCallHandler<Q, R> next) {
                Context context = Context.current().withValue(CALL_AUTHORIZATION, headers.get(AUTHORIZATION));
                return Contexts.interceptCall(context, call, headers, next);
            }
        };
        TraceServiceGrpc.TraceServiceImplBase traces = new TraceServiceGrpc.TraceServiceImplBase() {
            @Override
            public void export(ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> reply) {
                store.traces(request, CALL_AUTHORIZATION.get(), "grpc");
                reply.onNext(ExportTraceServiceResponse.getDefaultInstance());
                reply.onCompleted();
            }
        };
        MetricsServiceGrpc.MetricsServiceImplBase metrics = new MetricsServiceGrpc.MetricsServiceImplBase() {
            @Override
            public void export(ExportMetricsServiceRequest request,
                    StreamObserver<ExportMetricsServiceResponse> reply) {
                store.metrics(request, CALL_AUTHORIZATION.get(), "grpc");
                reply.onNext(ExportMetricsServiceResponse.getDefaultInstance());
                reply.onCompleted();
            }
        };
        LogsServiceGrpc.LogsServiceImplBase logs = new LogsServiceGrpc.LogsServiceImplBase() {
            @Override
            public void export(ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> reply) {
                store.logs(request, CALL_AUTHORIZATION.get(), "grpc");
                reply.onNext(ExportLogsServiceResponse.getDefaultInstance());
                reply.onCompleted();
            }
        };
        // Retried for up to 10 s while a previous listener's connections still hold the port.
        return Awaits.await("gRPC receiver bound to " + port).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsMatching(inUse -> inUse instanceof IOException
                        && inUse.getCause() instanceof BindException)
                .until(() -> NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                        .addService(ServerInterceptors.intercept(traces, keepAuthorization))
                        .addService(ServerInterceptors.intercept(metrics, keepAuthorization))
                        .addService(ServerInterceptors.intercept(logs, keepAuthorization))
                        .build().start(), Objects::nonNull);
    }

    /** Binds, retrying for up to 10 s while a previous listener's connections still hold the port. */
    private static HttpServer bindHttp(int port) {
        return Awaits.await("HTTP receiver bound to " + port).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(BindException.class)
                .until(() -> HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50), Objects::nonNull);
    }

    private interface Decoder {
        byte[] decode(InputStream body) throws IOException;
    }

    private static void receive(HttpExchange exchange, Decoder decoder) throws IOException {
        try (InputStream raw = exchange.getRequestBody()) {
            InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(raw) : raw;
            respond(exchange, 200, decoder.decode(body));
        } catch (RuntimeException | IOException e) {
            respond(exchange, 400, new byte[0]);
        }
    }

    private static String authorization(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("Authorization");
    }

    private void traces(ExportTraceServiceRequest request, String authorization, String transport) {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = attributes(resourceSpans.getResource().getAttributesList()).get("service.name");
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    spans.add(flatten(service, span, authorization, transport));
                }
            }
        }
    }

    private void metrics(ExportMetricsServiceRequest request, String authorization, String transport) {
        for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
            String service = service(resourceMetrics.getResource());
            for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
                for (Metric metric : scopeMetrics.getMetricsList()) {
                    metrics.add(new ReceivedMetric(service, metric.getName(), authorization, transport));
                }
            }
        }
    }

    private void logs(ExportLogsServiceRequest request, String authorization, String transport) {
        HexFormat hex = HexFormat.of();
        for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
            String service = service(resourceLogs.getResource());
            for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                for (LogRecord log : scopeLogs.getLogRecordsList()) {
                    logs.add(new ReceivedLog(service, text(log.getBody()), log.getSeverityText(),
                            hex.formatHex(log.getTraceId().toByteArray()), hex.formatHex(log.getSpanId().toByteArray()),
                            attributes(log.getAttributesList()), authorization, transport));
                }
            }
        }
    }

    private static ReceivedSpan flatten(String service, Span span, String authorization, String transport) {
        HexFormat hex = HexFormat.of();
        List<String> exceptions = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        span.getEventsList().stream().filter(event -> event.getName().equals("exception")).forEach(event -> {
            exceptions.add(attributes(event.getAttributesList()).get("exception.type"));
            messages.add(attributes(event.getAttributesList()).get("exception.message"));
        });
        return new ReceivedSpan(service, hex.formatHex(span.getTraceId().toByteArray()),
                hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()),
                span.getName(), span.getKind().name().replace("SPAN_KIND_", ""),
                span.getStatus().getCode().name().replace("STATUS_CODE_", ""), exceptions,
                attributes(span.getAttributesList()), authorization, transport, messages);
    }

    private static String service(Resource resource) {
        return attributes(resource.getAttributesList()).get("service.name");
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey,
                attribute -> text(attribute.getValue()), (first, second) -> first));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            default -> value.toString();
        };
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /**
     * The spans of one trace, once at least {@code expected} arrived (the test fails after 15 s) and then no further
     * one has for 1 s, so that a span sent twice is seen rather than missed.
     */
    List<ReceivedSpan> awaitTrace(String traceId, int expected) {
        return Awaits.atLeastThenQuiet("spans of trace " + traceId + " received", () -> trace(traceId), expected,
                Duration.ofSeconds(15), Duration.ofSeconds(1));
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    int spanCount() {
        return spans.size();
    }

    List<ReceivedMetric> metrics() {
        return List.copyOf(metrics);
    }

    List<ReceivedLog> logs() {
        return List.copyOf(logs);
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
        if (grpc != null) {
            try {
                grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
