package dev.observe.ee.it.app;

import io.opentelemetry.sdk.trace.data.SpanData;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** What {@link ExportedSpans} received, for one trace: name, kind, status, parent span id. */
@Path("exported-spans")
@Produces(MediaType.APPLICATION_JSON)
public class ExportedSpansResource {

    @GET
    public JsonArray spans(@QueryParam("traceId") String traceId) {
        JsonArrayBuilder spans = Json.createArrayBuilder();
        for (SpanData span : ExportedSpans.EXPORTED) {
            if (traceId == null || traceId.equals(span.getTraceId())) {
                spans.add(Json.createObjectBuilder()
                        .add("name", span.getName())
                        .add("kind", span.getKind().name())
                        .add("spanId", span.getSpanId())
                        .add("parentSpanId", span.getParentSpanId())
                        .add("status", span.getStatus().getStatusCode().name()));
            }
        }
        return spans.build();
    }
}
