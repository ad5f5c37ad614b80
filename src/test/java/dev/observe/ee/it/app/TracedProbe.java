package dev.observe.ee.it.app;

import dev.observe.ee.Traced;

import io.opentelemetry.api.trace.Span;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** Methods bound with {@code @Traced} one by one; each remembers the span it ran in. */
@ApplicationScoped
public class TracedProbe {

    private final AtomicReference<Span> lastSpan = new AtomicReference<>();

    @Traced
    public Span current() {
        return Span.current();
    }

    @Traced("checkout")
    public Span named() {
        return Span.current();
    }

    @Traced
    public void fail(RuntimeException error) {
        lastSpan.set(Span.current());
        throw error;
    }

    @Traced
    public void failChecked(IOException error) throws IOException {
        lastSpan.set(Span.current());
        throw error;
    }

    @Traced
    public CompletableFuture<String> later(CompletableFuture<String> gate) {
        lastSpan.set(Span.current());
        return gate;
    }

    public Span lastSpan() {
        return lastSpan.get();
    }
}
