package dev.observe.ee.it.app;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** OpenTelemetry's own {@code @WithSpan}, written the way an application writes it. */
@ApplicationScoped
public class WithSpanProbe {

    @WithSpan
    public String reserve(@SpanAttribute("order.sku") String sku, @SpanAttribute("order.quantity") int quantity) {
        return sku + "x" + quantity;
    }

    @WithSpan(value = "charge card", kind = SpanKind.CLIENT)
    public void charge(@SpanAttribute("payment.declined") boolean declined) {
        if (declined) {
            throw new IllegalStateException("card declined");
        }
    }

    @WithSpan("ship later")
    public CompletionStage<String> shipLater(CompletableFuture<String> gate) {
        return gate;
    }
}
