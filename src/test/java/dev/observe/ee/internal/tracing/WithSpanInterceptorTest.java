package dev.observe.ee.internal.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import java.util.List;

import org.junit.jupiter.api.Test;

class WithSpanInterceptorTest {

    static class Shop {
        @WithSpan
        void reserve(@SpanAttribute("sku") String sku, @SpanAttribute("quantity") int quantity,
                @SpanAttribute("express") boolean express, @SpanAttribute("weight") double weight,
                @SpanAttribute("tags") List<String> tags, @SpanAttribute("note") Object note, String notAnAttribute) {
        }

        @WithSpan(value = "charge card", kind = SpanKind.CLIENT)
        void charge() {
        }
    }

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();

    @Test
    void unnamedSpansAreSimpleClassDotMethodAndInternal() throws Exception {
        WithSpanInterceptor.SpanShape shape = WithSpanInterceptor.SpanShape.of(reserve());
        assertEquals("Shop.reserve", shape.name());
        assertEquals(SpanKind.INTERNAL, shape.kind());
    }

    @Test
    void theAnnotationsNameAndKindWin() throws Exception {
        WithSpanInterceptor.SpanShape shape = WithSpanInterceptor.SpanShape.of(Shop.class.getDeclaredMethod("charge"));
        assertEquals("charge card", shape.name());
        assertEquals(SpanKind.CLIENT, shape.kind());
    }

    @Test
    void spanAttributeParametersBecomeTypedAttributes() throws Exception {
        Attributes attributes = attributesOf(WithSpanInterceptor.SpanShape.of(reserve()).start(provider.get("test"),
                new Object[] {"A1", 3, true, 1.5, List.of("gift", 7), new StringBuilder("leave at door"), "x"}));
        assertEquals("A1", attributes.get(AttributeKey.stringKey("sku")));
        assertEquals(3L, attributes.get(AttributeKey.longKey("quantity")));
        assertEquals(true, attributes.get(AttributeKey.booleanKey("express")));
        assertEquals(1.5, attributes.get(AttributeKey.doubleKey("weight")));
        assertEquals(List.of("gift", "7"), attributes.get(AttributeKey.stringArrayKey("tags")));
        assertEquals("leave at door", attributes.get(AttributeKey.stringKey("note")));
        assertEquals(6, attributes.size(), "only @SpanAttribute parameters: " + attributes);
    }

    @Test
    void aNullArgumentSetsNoAttribute() throws Exception {
        assertEquals(3, attributesOf(WithSpanInterceptor.SpanShape.of(reserve()).start(provider.get("test"),
                new Object[] {null, 1, false, 0.0, null, null, null})).size());
    }

    private static Attributes attributesOf(Span span) {
        span.end();
        return ((ReadableSpan) span).toSpanData().getAttributes();
    }

    private static java.lang.reflect.Method reserve() throws NoSuchMethodException {
        return Shop.class.getDeclaredMethod("reserve", String.class, int.class, boolean.class, double.class,
                List.class, Object.class, String.class);
    }
}
