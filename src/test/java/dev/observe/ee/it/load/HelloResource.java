package dev.observe.ee.it.load;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.logging.Logger;

/**
 * The trivial endpoint the load benchmark measures, as a user would write it: an application-scoped resource
 * returning a small JSON object. {@code /api/hello/jul} also logs one plain {@code java.util.logging} INFO line,
 * which the server's own logging prints, or observe-ee's JSON handler where the WAR has the library.
 */
@ApplicationScoped
@Path("hello")
@Produces(MediaType.APPLICATION_JSON)
public class HelloResource {

    private static final Logger LOG = Logger.getLogger(HelloResource.class.getName());

    /** The response body: {@code {"message":"hello","length":5}}. */
    public record Greeting(String message, int length) {
    }

    @GET
    public Greeting hello() {
        return new Greeting("hello", 5);
    }

    @GET
    @Path("jul")
    public Greeting helloWithLine() {
        LOG.info("greeting_sent");
        return new Greeting("hello", 5);
    }
}
