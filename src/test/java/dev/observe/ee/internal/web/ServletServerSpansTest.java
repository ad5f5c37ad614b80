package dev.observe.ee.internal.web;

import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.servlet.ServletException;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class ServletServerSpansTest {

    @Test
    void theApplicationsExceptionIsFoundInsideTheContainersWrappers() {
        IllegalStateException application = new IllegalStateException("out of stock");
        assertSame(application, ServletServerSpans.applicationException(
                new ServletException(new ServletException("wrapped twice", application))));
    }

    @Test
    void anExceptionThatIsNotAWrapperIsTheApplicationsOwn() {
        IOException own = new IOException("disk", new IllegalStateException("cause"));
        assertSame(own, ServletServerSpans.applicationException(own));
        ServletException withoutCause = new ServletException("no cause");
        assertSame(withoutCause, ServletServerSpans.applicationException(withoutCause));
    }
}
