package dev.observe.ee.it.app;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

import javax.management.ObjectName;

/**
 * Looks at the server's JVM from inside, for the redeploy test: the root logger's handlers, and how many class
 * loaders still hold observe-ee's classes. Deployed without observe-ee, so that it counts only others' copies.
 */
@Path("leaks")
@Produces(MediaType.APPLICATION_JSON)
public class LeakProbeResource {

    /**
     * An enum of observe-ee that every deployment initializes (reading the configuration): while a loader holding it
     * lives, its constants (instances) live too. RedeployIT checks that the deployed copy is counted, so a rename
     * cannot make the check vacuous (it was, for a while, named after an enum that no longer existed).
     */
    static final String OBSERVE_CLASS = "dev.observe.ee.internal.config.LogSettings$Format";
    static final String ROUTER_CLASS = "dev.observe.ee.internal.logging.ApplicationLogRouter";

    /**
     * With {@code settle=true}, collects garbage and runs finalizers for up to 60 seconds until no copy of the
     * cycled application is left, so that objects merely waiting for finalization or for a concurrent collection do
     * not count as leaks.
     */
    @GET
    @Path("status")
    public JsonObject status(@QueryParam("settle") boolean settle) throws Exception {
        // A loop of its own, not Awaitility: this runs inside the server, and the probe WAR carries no test library.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (settle && liveCopies("dev.observe.ee.it.app.LeakMarker") > 0 && System.nanoTime() < deadline) {
            System.gc();
            System.runFinalization();
            Thread.sleep(500);
        }
        JsonArrayBuilder handlers = Json.createArrayBuilder();
        int routers = 0;
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handlers.add(handler.getClass().getName());
            routers += countRouters(handler);
        }
        return Json.createObjectBuilder()
                .add("rootHandlers", handlers)
                .add("routers", routers)
                .add("loadersWithObserveClasses", liveCopies(OBSERVE_CLASS))
                .add("loadersWithApplicationClasses", liveCopies("dev.observe.ee.it.app.LeakMarker"))
                .build();
    }

    /**
     * Payara Micro only: deploys the posted WAR as {@code cycled} and undeploys it again, {@code times} times, in
     * this JVM, calling it once per cycle. (The Payara Arquillian adapter starts a new server per deployment, so
     * redeploying in one JVM has to happen from inside.)
     */
    @POST
    @Path("cycle")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public JsonObject cycle(byte[] war, @QueryParam("times") int times, @QueryParam("port") int port,
            @QueryParam("marker") String marker) throws Exception {
        Object runtime = Class.forName("fish.payara.micro.PayaraMicro").getMethod("getInstance").invoke(null);
        runtime = runtime.getClass().getMethod("getRuntime").invoke(runtime);
        Method deploy = runtime.getClass().getMethod("deploy", String.class, String.class,
                java.io.InputStream.class);
        Method undeploy = runtime.getClass().getMethod("undeploy", String.class);
        deploy.setAccessible(true);
        undeploy.setAccessible(true);
        HttpClient client = HttpClient.newHttpClient();
        JsonArrayBuilder statuses = Json.createArrayBuilder();
        for (int i = 0; i < times; i++) {
            deploy.invoke(runtime, "cycled", "/cycled", new ByteArrayInputStream(war));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/cycled/log/events?marker=" + marker + "-" + i))
                            .header("X-Request-ID", marker + "-" + i).build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.add(response.statusCode());
            if (i < times - 1) {
                undeploy.invoke(runtime, "cycled");
            }
        }
        return Json.createObjectBuilder().add("statuses", statuses).build();
    }

    @POST
    @Path("undeploy")
    public JsonObject undeploy() throws Exception {
        Object runtime = Class.forName("fish.payara.micro.PayaraMicro").getMethod("getInstance").invoke(null);
        runtime = runtime.getClass().getMethod("getRuntime").invoke(runtime);
        Method undeploy = runtime.getClass().getMethod("undeploy", String.class);
        undeploy.setAccessible(true);
        undeploy.invoke(runtime, "cycled");
        return Json.createObjectBuilder().add("undeployed", true).build();
    }

    private static int countRouters(Handler handler) throws Exception {
        if (!handler.getClass().getName().equals(ROUTER_CLASS)) {
            return 0;
        }
        int count = 1;
        for (Object inner : (List<?>) handler.getClass().getMethod("serverHandlers").invoke(handler)) {
            count += countRouters((Handler) inner);
        }
        return count;
    }

    /**
     * How many distinct classes named {@code className} have live instances, after a full GC: the JVM's class
     * histogram lists a class once per class loader that defined it.
     */
    private static int liveCopies(String className) throws Exception {
        // The histogram runs a full collection first and counts only live objects.
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        int copies = 0;
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[3].equals(className)) {
                copies++;
            }
        }
        return copies;
    }
}
