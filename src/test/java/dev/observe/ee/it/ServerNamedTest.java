package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** {@link ServerNamed} names the runtime in a failure and keeps everything else of it. */
class ServerNamedTest {

    @Test
    void anAssertionKeepsExpectedActualCauseAndStack() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> assertEquals(1, 2, "one span for the request"));
        failure.addSuppressed(new IllegalStateException("also"));

        Throwable named = ServerNamed.named(failure, "liberty-bare");

        AssertionFailedError assertion = assertInstanceOf(AssertionFailedError.class, named);
        assertEquals("liberty-bare: one span for the request ==> expected: <1> but was: <2>", named.getMessage());
        assertEquals(1, assertion.getExpected().getValue());
        assertEquals(2, assertion.getActual().getValue());
        assertArrayEquals(failure.getStackTrace(), named.getStackTrace());
        assertArrayEquals(failure.getSuppressed(), named.getSuppressed());
    }

    @Test
    void aPlainAssertionErrorAndAnAwaitilityTimeoutKeepTheirTypeAndCause() {
        IOException cause = new IOException("refused");

        Throwable assertion = ServerNamed.named(new AssertionError("no CLIENT span", cause), "payara");
        Throwable timeout = ServerNamed.named(new ConditionTimeoutException("not within 10 s", cause), "payara");

        assertEquals(AssertionError.class, assertion.getClass());
        assertEquals("payara: no CLIENT span", assertion.getMessage());
        assertSame(cause, assertion.getCause());
        assertEquals(ConditionTimeoutException.class, timeout.getClass());
        assertEquals("payara: not within 10 s", timeout.getMessage());
        assertSame(cause, timeout.getCause());
    }

    @Test
    void aMessageThatNamesTheRuntimeAlreadyIsLeftAlone() {
        AssertionError failure = new AssertionError("liberty: written in the old style");

        assertSame(failure, ServerNamed.named(failure, "liberty"));
    }

    @Test
    void anyOtherExceptionIsRethrownUnchangedWithTheRuntimeInANote() {
        IOException failure = new IOException("connection refused");

        Throwable named = ServerNamed.named(failure, "liberty");

        assertSame(failure, named);
        assertEquals("on liberty", failure.getSuppressed()[0].getMessage());
    }
}
