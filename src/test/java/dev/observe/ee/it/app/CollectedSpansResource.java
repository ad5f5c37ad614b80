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

/** The spans {@link SpanCollector} kept, for one trace or all, as JSON. */
@Path("collected-spans")
@Produces(MediaType.APPLICATION_JSON)
public class CollectedSpansResource {

    @GET
    public JsonArray spans(@QueryParam("traceId") String traceId) {
        JsonArrayBuilder spans = Json.createArrayBuilder();
        for (SpanData span : SpanCollector.ENDED) {
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
