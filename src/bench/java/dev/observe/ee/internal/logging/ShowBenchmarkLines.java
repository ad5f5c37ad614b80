package dev.observe.ee.internal.logging;

import java.nio.charset.StandardCharsets;

import org.openjdk.jmh.infra.Blackhole;

/**
 * Prints the line each formatter of {@link JsonFormatBenchmark} produces for each shape, so that what is measured
 * can be seen: {@code mvn -Pbench -Dbench.main=dev.observe.ee.internal.logging.ShowBenchmarkLines}.
 */
public final class ShowBenchmarkLines {

    public static void main(String[] args) throws Exception {
        Blackhole blackhole = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (String shape : new String[] {"lite", "full"}) {
            JsonFormatBenchmark benchmark = new JsonFormatBenchmark();
            benchmark.shape = shape;
            benchmark.setUp();
            System.out.println("== " + shape);
            benchmark.observeEe(blackhole);
            System.out.println("observe-ee:     " + field(benchmark, "out"));
            System.out.println("jboss:          " + benchmark.jbossLogManager());
            System.out.println("elastic:        " + benchmark.elasticJulEcs());
            benchmark.log4jJsonTemplateEcs(blackhole);
            System.out.println("log4j:          " + destination(benchmark));
            benchmark.logstashLogback(blackhole);
            System.out.println("logstash:       " + field(benchmark, "out"));
        }
    }

    private static String field(JsonFormatBenchmark benchmark, String name) throws Exception {
        java.lang.reflect.Field field = JsonFormatBenchmark.class.getDeclaredField(name);
        field.setAccessible(true);
        return ((java.io.ByteArrayOutputStream) field.get(benchmark)).toString(StandardCharsets.UTF_8);
    }

    private static String destination(JsonFormatBenchmark benchmark) throws Exception {
        java.lang.reflect.Field field = JsonFormatBenchmark.class.getDeclaredField("log4jDestination");
        field.setAccessible(true);
        java.nio.ByteBuffer buffer = ((JsonFormatBenchmark.ReusedDestination) field.get(benchmark)).buffer;
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }
}
