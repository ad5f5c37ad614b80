package dev.observe.ee.internal.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.observe.ee.Traced;

import org.junit.jupiter.api.Test;

class TracedInterceptorTest {

    static class Plain {
        @Traced
        void work() {
        }

        @Traced("checkout")
        void named() {
        }
    }

    @Traced
    static class OnClass {
        void work() {
        }
    }

    @Traced("payments")
    static class NamedClass {
        void charge() {
        }

        @Traced("refund_payment")
        void refund() {
        }
    }

    @Test
    void defaultNameIsClassDotMethod() throws Exception {
        assertEquals("Plain.work", TracedInterceptor.spanName(Plain.class.getDeclaredMethod("work")));
        assertEquals("OnClass.work", TracedInterceptor.spanName(OnClass.class.getDeclaredMethod("work")));
    }

    @Test
    void methodValueIsTheWholeName() throws Exception {
        assertEquals("checkout", TracedInterceptor.spanName(Plain.class.getDeclaredMethod("named")));
        assertEquals("refund_payment", TracedInterceptor.spanName(NamedClass.class.getDeclaredMethod("refund")));
    }

    @Test
    void classValueReplacesTheClassName() throws Exception {
        assertEquals("payments.charge", TracedInterceptor.spanName(NamedClass.class.getDeclaredMethod("charge")));
    }
}
