package dev.observe.ee.it.load;

import dev.observe.ee.logging.Log;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The same endpoint logging one observe-ee {@link Log} line with three bound key-values, the guide's
 * {@code logger.bind(...).info(...)}; only in the WARs that have the library.
 */
@ApplicationScoped
@Path("hello/kv")
@Produces(MediaType.APPLICATION_JSON)
public class KeyValuesResource {

    private static final Log LOG = Log.get(KeyValuesResource.class);

    @GET
    public HelloResource.Greeting helloWithKeyValues() {
        HelloResource.Greeting greeting = new HelloResource.Greeting("hello", 5);
        LOG.bind("message", greeting.message(), "length", greeting.length(), "language", "en").info("greeting_sent");
        return greeting;
    }
}
