package dev.observe.ee;

import dev.observe.ee.tracing.TracedInterceptor;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * The one entry point the CDI container sees: registered in {@code META-INF/services}, it adds the library's beans
 * and interceptors to the application.
 *
 * <p>The jar deliberately carries no {@code beans.xml}: it is not a bean archive, so nothing in it becomes a bean
 * by accident of scanning. Every type the container must manage is named here, once.
 */
public final class ObserveExtension implements Extension {

    void registerTypes(@Observes BeforeBeanDiscovery discovery, BeanManager beanManager) {
        discovery.addAnnotatedType(beanManager.createAnnotatedType(TracedInterceptor.class),
                TracedInterceptor.class.getName());
    }
}
