package dev.observe.ee.it;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;

/** {@link EnvironmentConfiguredExport} on Payara Micro: the demo deployed by {@code --deploy}, default logging. */
@OnPayara
class EnvironmentConfiguredPayaraIT extends EnvironmentConfiguredExport {

    @BeforeAll
    static void startPayara() throws Exception {
        start(environment -> StandaloneServer.payara("environment", 18092, List.of(), List.of(), environment));
    }
}
