package dev.observe.ee.internal.web;

import dev.observe.ee.internal.telemetry.DeployedApplication;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Registers the library's application-wide JAX-RS filters ({@link RequestContextFilter},
 * {@link AuthenticatedUserFilter}) once, when the runtime builds the application, unless {@code observe.enabled} is
 * false: then the library adds no JAX-RS provider at all, and a request runs through nothing of it. A feature rather
 * than the filters themselves as {@code @Provider}s, which the runtime would call on every request whatever the
 * configuration.
 *
 * <p>Found by the runtime's provider scanning because the library jar sits in {@code WEB-INF/lib} (hence public).
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public final class JaxRsFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        if (!DeployedApplication.current().enabled()) {
            return false;
        }
        context.register(RequestContextFilter.class, RequestContextFilter.PRIORITY);
        context.register(new AuthenticatedUserFilter(), AuthenticatedUserFilter.PRIORITY);
        return true;
    }
}
