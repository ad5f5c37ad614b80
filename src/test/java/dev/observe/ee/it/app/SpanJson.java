package dev.observe.ee.it.app;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Describes a span as the server's OpenTelemetry SDK holds it, so that a test on the client side can assert on
 * what the runtime really recorded.
 */
public final class SpanJson {

    private SpanJson() {
    }

    public static JsonObject describe(Span span) {
        SpanContext context = span.getSpanContext();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("valid", context.isValid())
                .add("recording", span.isRecording())
                .add("sampled", context.isSampled())
                .add("traceId", context.getTraceId())
                .add("spanId", context.getSpanId());
        if (span instanceof ReadableSpan readable) {
            SpanData data = readable.toSpanData();
            JsonArrayBuilder events = Json.createArrayBuilder();
            for (EventData event : data.getEvents()) {
                String type = event.getAttributes().get(AttributeKey.stringKey("exception.type"));
                String message = event.getAttributes().get(AttributeKey.stringKey("exception.message"));
                events.add(Json.createObjectBuilder()
                        .add("name", event.getName())
                        .add("exception.type", type == null ? "" : type)
                        .add("exception.message", message == null ? "" : message));
            }
            json.add("name", readable.getName())
                    .add("kind", readable.getKind().name())
                    .add("ended", readable.hasEnded())
                    .add("parentSpanId", readable.getParentSpanContext().getSpanId())
                    .add("status", data.getStatus().getStatusCode().name())
                    .add("events", events);
        }
        return json.build();
    }
}
