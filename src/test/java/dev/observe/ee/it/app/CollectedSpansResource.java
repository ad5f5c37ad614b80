package dev.observe.ee.it.app;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The spans {@link SpanCollector} kept (ended or exported, as the deployment plugged it in), for one trace or all,
 * as JSON.
 */
@Path("collected-spans")
@Produces(MediaType.APPLICATION_JSON)
public class CollectedSpansResource {

    /**
     * For load tests: per trace, the number of spans and the request ids recorded on its SERVER spans, as
     * {@code {"<traceId>": {"spans": n, "requestIds": ["…", …]}}}.
     */
    @GET
    @Path("by-trace")
    public jakarta.json.JsonObject byTrace() {
        java.util.Map<String, java.util.List<SpanData>> traces = new java.util.HashMap<>();
        for (SpanData span : SpanCollector.SPANS) {
            traces.computeIfAbsent(span.getTraceId(), id -> new java.util.ArrayList<>()).add(span);
        }
        jakarta.json.JsonObjectBuilder result = Json.createObjectBuilder();
        AttributeKey<java.util.List<String>> requestIdKey =
                AttributeKey.stringArrayKey("http.request.header.x-request-id");
        traces.forEach((traceId, spans) -> {
            JsonArrayBuilder ids = Json.createArrayBuilder();
            for (SpanData span : spans) {
                java.util.List<String> id = span.getAttributes().get(requestIdKey);
                if (id != null) {
                    id.forEach(ids::add);
                }
            }
            result.add(traceId, Json.createObjectBuilder().add("spans", spans.size()).add("requestIds", ids));
        });
        return result.build();
    }

    @jakarta.ws.rs.DELETE
    public void clear() {
        SpanCollector.SPANS.clear();
    }

    @GET
    public JsonArray spans(@QueryParam("traceId") String traceId) {
        JsonArrayBuilder spans = Json.createArrayBuilder();
        for (SpanData span : SpanCollector.SPANS) {
            if (traceId != null && !traceId.equals(span.getTraceId())) {
                continue;
            }
            JsonObjectBuilder attributes = Json.createObjectBuilder();
            span.getAttributes().forEach((key, value) -> attributes.add(key.getKey(), String.valueOf(value)));
            JsonArrayBuilder events = Json.createArrayBuilder();
            for (EventData event : span.getEvents()) {
                String type = event.getAttributes().get(AttributeKey.stringKey("exception.type"));
                events.add(Json.createObjectBuilder().add("name", event.getName())
                        .add("exception.type", type == null ? "" : type));
            }
            spans.add(Json.createObjectBuilder()
                    .add("name", span.getName())
                    .add("kind", span.getKind().name())
                    .add("traceId", span.getTraceId())
                    .add("spanId", span.getSpanId())
                    .add("parentSpanId", span.getParentSpanId())
                    .add("status", span.getStatus().getStatusCode().name())
                    .add("scope", span.getInstrumentationScopeInfo().getName())
                    .add("attributes", attributes)
                    .add("events", events));
        }
        return spans.build();
    }
}
