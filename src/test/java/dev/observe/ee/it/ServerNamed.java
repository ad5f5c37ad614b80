package dev.observe.ee.it;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

/**
 * Names the runtime under test ({@link Deployments#server()}: {@code payara}, {@code liberty} or
 * {@code liberty-bare}) in every failure of an integration test, so that assertion messages need not: the same
 * classes run on all three, and a message must say where it failed.
 *
 * <p>An {@link AssertionError} (expected and actual values kept) or an Awaitility timeout is thrown again as the same
 * type with {@code "<runtime>: "} before its message, with the original's cause, suppressed exceptions and stack
 * trace; a message that already starts that way is left alone. Any other exception (an error in the test itself)
 * is rethrown unchanged, with the runtime named in a suppressed note. Registered by {@link OnPayara},
 * {@link OnLiberty} and {@link OnLibertyBare}.
 */
final class ServerNamed implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw named(failure, Deployments.server());
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw named(failure, Deployments.server());
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw named(failure, Deployments.server());
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw named(failure, Deployments.server());
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw named(failure, Deployments.server());
    }

    /** {@code failure} with {@code server} named in it; package-private for its unit test. */
    static Throwable named(Throwable failure, String server) {
        String prefix = server + ": ";
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (message.startsWith(prefix)) {
            return failure;
        }
        Throwable named;
        if (failure instanceof AssertionFailedError assertion && assertion.isExpectedDefined()
                && assertion.isActualDefined()) {
            named = new AssertionFailedError(prefix + message, assertion.getExpected().getValue(),
                    assertion.getActual().getValue(), failure.getCause());
        } else if (failure instanceof AssertionFailedError) {
            named = new AssertionFailedError(prefix + message, failure.getCause());
        } else if (failure instanceof AssertionError) {
            named = new AssertionError(prefix + message, failure.getCause());
        } else if (failure instanceof ConditionTimeoutException) {
            named = new ConditionTimeoutException(prefix + message, failure.getCause());
        } else {
            failure.addSuppressed(new RuntimeNamed(server));
            return failure;
        }
        named.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            named.addSuppressed(suppressed);
        }
        return named;
    }

    /** The note added to an exception that is not a failed expectation: where it happened. */
    static final class RuntimeNamed extends Exception {
        private static final long serialVersionUID = 1L;

        RuntimeNamed(String server) {
            super("on " + server, null, false, false);
        }
    }
}
