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
        String table = new RequestCost("Open Liberty", "liberty",(war, file) -> StandaloneServer.liberty("observe-load", PORT,
                file, "load.war", "api/hello", Map.of())).measure();
        System.out.println(table);
        assertTrue(table.contains("O − R"), table);
    }
}
