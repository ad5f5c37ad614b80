package dev.observe.demo;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The demo's one shape of error response: {@code {"error": code, "message": text}}. */
final class ErrorBody {

    private static final int MAX_QUOTED = 64;

    private ErrorBody() {
    }

    static Response response(Response.Status status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build())
                .build();
    }

    /** Client input quoted back in a message: shortened, so that a huge value cannot bloat the response. */
    static String quote(String value) {
        String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return "'" + shown + "'";
    }
}
