package dev.observe.ee.it.app;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * An application class with a live instance (its constant) for as long as its class loader lives; initialised
 * when the application starts, by its listener.
 */
public enum LeakMarker {
    PRESENT;

    /** Initialises {@link LeakMarker} when the application starts. */
    @WebListener
    public static class Initializer implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            event.getServletContext().setAttribute(LeakMarker.class.getName(), PRESENT);
        }
    }
}
