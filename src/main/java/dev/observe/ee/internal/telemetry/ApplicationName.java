package dev.observe.ee.internal.telemetry;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The application's name as the server knows it (the WAR's name, by default). */
public final class ApplicationName {

    private ApplicationName() {
    }

    /** {@code java:app/AppName}, or null outside an application's context. */
    public static String lookup() {
        InitialContext context = null;
        try {
            context = new InitialContext();
            Object name = context.lookup("java:app/AppName");
            return name instanceof String text && !text.isBlank() ? text : null;
        } catch (NamingException | RuntimeException e) {
            return null;
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException e) {
                    // nothing held that matters
                }
            }
        }
    }
}
