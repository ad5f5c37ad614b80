package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestCost} on Open Liberty: the server of {@code server-config/liberty-load} (MicroProfile Telemetry,
 * the WAR under test as {@code load.war} at the root context), started for each WAR; with {@code -Pload} only. The
 * table goes to the test's output and to {@code target/load/liberty/cost.md}.
 */
@OnLiberty
@Tag(RuntimeTagsTest.LOAD)
class RequestCostLibertyLoadIT {

    private static final int PORT = Integer.getInteger("it.liberty.load.port", 19096);

    @Test
    void serverCpuPerRequest() throws Exception {
        String table = new RequestCost("Open Liberty", "liberty",(war, file, jvmOptions) -> StandaloneServer.liberty(
                "observe-load", PORT, file, "load.war", "api/hello",
                // Liberty's launch script adds JVM_ARGS to the options of server-config/liberty-load/jvm.options.
                Map.of("JVM_ARGS", String.join(" ", jvmOptions)))).measure();
        System.out.println(table);
        assertTrue(table.contains("O − R"), table);
    }
}
