package dev.observe.ee.it;

import org.junit.jupiter.api.BeforeAll;

/**
 * {@link EnvironmentConfiguredExport} on Open Liberty: the production-like server of
 * {@code server-config/liberty-json} (MicroProfile Telemetry, JSON console), the demo in its {@code apps}.
 */
@OnLiberty
class EnvironmentConfiguredLibertyIT extends EnvironmentConfiguredExport {

    @BeforeAll
    static void startLiberty() throws Exception {
        start(environment -> StandaloneServer.liberty("observe-json", Integer.getInteger("it.liberty.json.port"),
                environment));
    }
}
