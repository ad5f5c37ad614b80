package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.semconv.SemanticAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

import java.util.List;

/**
 * Drops the SERVER span of a request to an excluded path ({@link DeployedApplication#excludes}) before it starts, and with it
 * the whole trace of that request; every other decision is the configured sampler's. Sees the path the way each
 * runtime reports it at span start: {@code url.path} (Open Liberty) or {@code http.target} (Payara Micro, with the
 * query).
 */
final class ExcludedPathsSampler implements Sampler {


    private final Sampler delegate;
    private final DeployedApplication application;

    ExcludedPathsSampler(Sampler delegate, DeployedApplication application) {
        this.delegate = delegate;
        this.application = application;
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        if (spanKind == SpanKind.SERVER && application.excludes(path(attributes))) {
            return SamplingResult.drop();
        }
        return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    static String path(Attributes attributes) {
        String path = attributes.get(SemanticAttributes.URL_PATH);
        if (path != null) {
            return path;
        }
        String target = attributes.get(SemanticAttributes.HTTP_TARGET);
        if (target == null) {
            return null;
        }
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    @Override
    public String getDescription() {
        return "ExcludedPaths{" + delegate.getDescription() + "}";
    }
}
