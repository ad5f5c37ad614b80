package dev.observe.ee.internal.semconv;

import dev.observe.ee.Observe;

import io.opentelemetry.api.common.AttributeKey;

import java.util.List;
import java.util.Locale;

/**
 * Every OpenTelemetry attribute key and the instrumentation scope name observe-ee writes, in one place. The names
 * are the stable HTTP, URL, server/client, error, exception and service conventions of
 * open-telemetry/semantic-conventions 1.23+ (the stable HTTP release); the library declares them itself instead of
 * linking {@code opentelemetry-semconv}, whose classes moved between the versions the runtimes ship.
 */
public final class SemanticAttributes {

    /** The instrumentation scope of every span observe-ee starts (its tracer's name). */
    public static final String INSTRUMENTATION_SCOPE = "dev.observe.ee";

    public static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
            AttributeKey.longKey("http.response.status_code");
    /** The request id as the HTTP conventions record a request header: a string array. */
    public static final AttributeKey<List<String>> HTTP_REQUEST_HEADER_REQUEST_ID = AttributeKey.stringArrayKey(
            "http.request.header." + Observe.REQUEST_ID_HEADER.toLowerCase(Locale.ROOT));
    public static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    public static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    public static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
    public static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    /** The pre-1.23 name of the request target; read only, from runtimes that still write it. */
    public static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");
    public static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    public static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
    public static final AttributeKey<String> USER_AGENT_ORIGINAL = AttributeKey.stringKey("user_agent.original");
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    public static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
    public static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
    public static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");
    public static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");
    public static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    public static final AttributeKey<String> SERVICE_VERSION = AttributeKey.stringKey("service.version");
    public static final AttributeKey<String> DEPLOYMENT_ENVIRONMENT = AttributeKey.stringKey("deployment.environment");

    private SemanticAttributes() {
    }
}
