package dev.observe.ee.internal.web;

import dev.observe.ee.internal.telemetry.DeployedApplication;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every resource method its own {@link ServerSpanFilter}, which knows the method it serves, when the runtime
 * builds the application's model (for a sub-resource, when its locator first returns it), unless
 * {@code observe.enabled} is false.
 *
 * <p>Found by the runtime's provider scanning because the library jar sits in {@code WEB-INF/lib} (hence public).
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public final class ResourceMethodFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod() != null && DeployedApplication.current().enabled()) {
            context.register(new ServerSpanFilter(resource.getResourceClass(), resource.getResourceMethod()),
                    ServerSpanFilter.PRIORITY);
        }
    }
}
