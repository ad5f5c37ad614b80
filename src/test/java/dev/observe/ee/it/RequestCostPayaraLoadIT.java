package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestCost} on Payara Micro, started for each WAR with the loopback-only options and a 1 GB heap (the
 * Liberty server's too); with {@code -Pload} only. The table goes to the test's output and to
 * {@code target/load/payara/cost.md}.
 */
@OnPayara
@Tag(RuntimeTagsTest.LOAD)
class RequestCostPayaraLoadIT {

    private static final int PORT = Integer.getInteger("it.load.port", 18096);

    @Test
    void serverCpuPerRequest() throws Exception {
        String table = new RequestCost("Payara Micro", "payara",(war, file, jvmOptions) -> StandaloneServer.payara(
                "load-" + war.name, PORT, file, "api/hello", jvmWith(jvmOptions), List.of(), Map.of())).measure();
        System.out.println(table);
        assertTrue(table.contains("O − R"), table);
    }

    private static List<String> jvmWith(List<String> profiler) {
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx1g"));
        options.addAll(profiler);
        return options;
    }
}
