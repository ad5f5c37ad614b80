package dev.observe.ee.it;

import dev.observe.ee.it.app.CollectedSpansResource;
import dev.observe.ee.it.app.SpanCollector;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds test deployments the way a user builds a WAR: the application's classes plus the library's real jar,
 * as the build produced it, in {@code WEB-INF/lib}.
 */
public final class Deployments {

    private Deployments() {
    }

    /**
     * A WAR holding {@code classes} and the observe-ee jar, deployed at context root {@code /name}. On a runtime
     * without MicroProfile Telemetry it also carries the OpenTelemetry jars, as a user's WAR for such a runtime
     * does (docs/tracing.md).
     */
    public static WebArchive war(String name, Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsLibrary(libraryJar());
        if (bareRuntime()) {
            war.addAsLibraries(jarsIn("opentelemetry.sdk.dir"));
        }
        return war;
    }

    /**
     * The demo's WAR as built, with its {@code microprofile-config.properties} replaced by {@code configuration};
     * on a runtime without MicroProfile Telemetry plus the OpenTelemetry jars.
     */
    public static WebArchive demo(String configuration) {
        WebArchive demo = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("demo.war")));
        demo.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
        demo.addAsResource(new StringAsset(configuration), "META-INF/microprofile-config.properties");
        if (bareRuntime()) {
            demo.addAsLibraries(jarsIn("opentelemetry.sdk.dir"));
        }
        return demo;
    }

    /** The jars in the folder the system property names, which the build filled. */
    public static File[] jarsIn(String property) {
        File[] jars = new File(System.getProperty(property, "")).listFiles((dir, file) -> file.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("System property " + property + " must name a folder of jars the build "
                    + "copied (run the integration tests through `mvn verify`)");
        }
        return jars;
    }

    /**
     * {@code war} plus the in-memory span collector, keeping every span the application's SDK ends
     * ({@code SpanCollector}, a span processor plugged in through OpenTelemetry's autoconfiguration SPI), and the
     * resource that reports what it kept ({@code collected-spans}).
     */
    public static WebArchive withSpanCollector(WebArchive war) {
        return war.addClasses(SpanCollector.class, CollectedSpansResource.class)
                .addAsResource(new StringAsset(SpanCollector.class.getName()),
                        "META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider");
    }

    /**
     * {@code war} plus the same collector as a span exporter ({@code SpanCollector.Exporter}, which the
     * application's configuration chooses with {@code otel.traces.exporter=observe-test}), keeping exactly what the
     * SDK exports after every exporter customizer, and the resource that reports it ({@code collected-spans}).
     */
    public static WebArchive withSpanExporter(WebArchive war) {
        return war.addClasses(SpanCollector.class, CollectedSpansResource.class)
                .addAsResource(new StringAsset(SpanCollector.Exporter.class.getName()), "META-INF/services/"
                        + "io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider");
    }

    /** Whether the server under test has no MicroProfile Telemetry (Open Liberty's observe-bare server). */
    public static boolean bareRuntime() {
        return Boolean.getBoolean("observe.bare.runtime");
    }

    /** The jar {@code mvn package} built; failsafe passes its path. */
    public static JavaArchive libraryJar() {
        String path = System.getProperty("observe.jar");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("System property observe.jar must name the built library jar, was: "
                    + path + " (run the integration tests through `mvn verify`)");
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, new File(path));
    }

    /** The server the tests run on, as chosen by {@code arquillian.launch}, for assertion messages. */
    public static String server() {
        return System.getProperty("arquillian.launch", "?") + (bareRuntime() ? "-bare" : "");
    }
}
