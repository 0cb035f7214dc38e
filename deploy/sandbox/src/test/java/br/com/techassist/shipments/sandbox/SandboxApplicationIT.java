package br.com.techassist.shipments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The sandbox started the way the standalone application embeds it: its own context, its own config name. */
class SandboxApplicationIT {

    @Test
    void theBuilderStartsASelfContainedSandboxOnSandboxPortReadingSandboxProperties() {
        try (ConfigurableApplicationContext context =
                SandboxApplication.builder().run("--SANDBOX_PORT=0", "--sandbox.scenario.parcels=3")) {
            SandboxProperties properties = context.getBean(SandboxProperties.class);
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));

            assertThat(properties.scenario().seed()).as("from sandbox.properties").isEqualTo(4242);
            assertThat(properties.scenario().parcels()).isEqualTo(3);
            assertThat(port).isPositive();
            SandboxHttp http = new SandboxHttp(port);
            assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
            assertThat(http.get("/sandbox/scenario/parcels").json()).hasSize(3);
        }
    }
}
