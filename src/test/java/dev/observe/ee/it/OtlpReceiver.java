package dev.observe.ee.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver for the export tests, on 127.0.0.1: decodes what the server under test exports with
 * OpenTelemetry's own protocol definitions ({@code opentelemetry-proto}) and keeps every span with its resource's
 * {@code service.name} and the request's {@code Authorization} header.
 */
final class OtlpReceiver implements AutoCloseable {

    /** A received span, flattened for assertions. */
    record ReceivedSpan(String serviceName, String traceId, String spanId, String parentSpanId, String name,
            String kind, String status, List<String> exceptionTypes, Map<String, String> attributes,
            String authorization) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    OtlpReceiver(int port) throws IOException, InterruptedException {
        server = bind(port);
        server.createContext("/v1/traces", this::traces);
        server.createContext("/", exchange -> respond(exchange, 404, new byte[0]));
        server.start();
    }

    /** Binds, retrying for up to 10 s while a previous listener's connections still hold the port. */
    private static HttpServer bind(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            } catch (java.net.BindException inUse) {
                if (System.nanoTime() > deadline) {
                    throw inUse;
                }
                Thread.sleep(200);
            }
        }
    }

    private void traces(HttpExchange exchange) throws IOException {
        try (InputStream raw = exchange.getRequestBody()) {
            InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(raw) : raw;
            contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                String service = attributes(resourceSpans.getResource()).get("service.name");
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (Span span : scopeSpans.getSpansList()) {
                        spans.add(flatten(service, span, authorization));
                    }
                }
            }
            respond(exchange, 200, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
        } catch (RuntimeException | IOException e) {
            respond(exchange, 400, new byte[0]);
        }
    }

    private static ReceivedSpan flatten(String service, Span span, String authorization) {
        HexFormat hex = HexFormat.of();
        List<String> exceptions = new ArrayList<>();
        span.getEventsList().stream().filter(event -> event.getName().equals("exception"))
                .forEach(event -> exceptions.add(String.valueOf(event.getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("exception.type")).findFirst()
                        .map(attribute -> text(attribute.getValue())).orElse(null))));
        return new ReceivedSpan(service, hex.formatHex(span.getTraceId().toByteArray()),
                hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()),
                span.getName(), span.getKind().name().replace("SPAN_KIND_", ""),
                span.getStatus().getCode().name().replace("STATUS_CODE_", ""), exceptions,
                span.getAttributesList().stream().collect(Collectors.toMap(KeyValue::getKey,
                        attribute -> text(attribute.getValue()), (first, second) -> first)),
                authorization);
    }

    private static Map<String, String> attributes(Resource resource) {
        return resource.getAttributesList().stream().collect(Collectors.toMap(KeyValue::getKey,
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

    /** The spans of one trace, once at least {@code expected} arrived (or after 15 s), plus any in the next 1 s. */
    List<ReceivedSpan> awaitTrace(String traceId, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline && trace(traceId).size() < expected) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        return trace(traceId);
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    int spanCount() {
        return spans.size();
    }

    List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
