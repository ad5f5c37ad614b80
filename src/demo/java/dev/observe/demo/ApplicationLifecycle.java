package dev.observe.demo;

import dev.observe.ee.logging.Log;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Says when the demo starts and stops: the stop line is what a shutdown callback prints while the server stops
 * (on SIGTERM, the line docs/logging.md promises to keep).
 */
@ApplicationScoped
public class ApplicationLifecycle {

    private static final Log LOG = Log.get(ApplicationLifecycle.class);

    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.info("application_started");
    }

    @PreDestroy
    void stopping() {
        LOG.info("application_stopping");
    }
}
