package dev.observe.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The orders example of the guide, as a Jakarta EE application: every resource lives under {@code /api}. */
@ApplicationPath("/api")
public class DemoApplication extends Application {
}
