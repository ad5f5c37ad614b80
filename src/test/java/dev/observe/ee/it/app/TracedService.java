package dev.observe.ee.it.app;

import dev.observe.ee.Traced;

import io.opentelemetry.api.trace.Span;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code @Traced} on the class: every business method gets a span. */
@ApplicationScoped
@Traced
public class TracedService {

    public Span work() {
        return Span.current();
    }
}
