package dev.observe.ee.internal.web;

/** The names of the request fields bound to the log context, as the guide names them. */
final class RequestContextFields {

    static final String REQUEST_ID = "request_id";
    static final String METHOD = "method";
    static final String PATH = "path";
    static final String USER_ID = "user_id";

    private RequestContextFields() {
    }
}
