package dev.observe.ee.it.load;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The load benchmark's JAX-RS application, under {@code /api} as a user's usually is. */
@ApplicationPath("/api")
public class LoadApplication extends Application {
}
