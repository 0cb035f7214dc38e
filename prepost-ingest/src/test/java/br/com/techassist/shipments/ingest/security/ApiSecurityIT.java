package br.com.techassist.shipments.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.ingest.FakeCorreios;
import br.com.techassist.shipments.ingest.IngestIntegrationTest;
import br.com.techassist.shipments.ingest.LocalJwtIssuer;
import br.com.techassist.shipments.testsupport.TestApiKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The shared security setup (libs/service-support) as prepost-ingest runs it: API keys and, with a
 * JWT decoder (here from a locally generated RSA key pair, as an issuer's JWKS would give it), JWTs
 * with roles in the {@code roles} claim; 401/403/405/415 problem details; Actuator.
 */
@IngestIntegrationTest
class ApiSecurityIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @Test
    void withoutACredentialTheApiAnswers401AsAProblemAndCountsIt() throws Exception {
        double before = denied("unauthenticated");
        register(null, FakeCorreios.code("SE", 1)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.status").value(401));
        register("Bearer not-a-key", FakeCorreios.code("SE", 2)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(denied("unauthenticated")).isEqualTo(before + 2);
    }

    @Test
    void anAuditorMayNotRegister403AndIntegrationAndOperatorMay() throws Exception {
        double before = denied("forbidden");
        register(TestApiKeys.AUDITOR, FakeCorreios.code("SE", 3)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        assertThat(denied("forbidden")).isEqualTo(before + 1);
        register(TestApiKeys.INTEGRATION, FakeCorreios.code("SE", 4)).andExpect(status().isCreated())
                .andExpect(header().exists("X-Request-Id"));
        register(TestApiKeys.OPERATOR, FakeCorreios.code("SE", 5)).andExpect(status().isCreated());
    }

    @Test
    void aJwtFromTheIssuerWithTheRightRoleIsAcceptedAndOtherwiseRefused() throws Exception {
        register(LocalJwtIssuer.token(LocalJwtIssuer.KEYS, "crm-system", List.of("integration")), FakeCorreios.code("SE", 6))
                .andExpect(status().isCreated());
        register(LocalJwtIssuer.token(LocalJwtIssuer.KEYS, "crm-system", List.of("auditor")), FakeCorreios.code("SE", 7))
                .andExpect(status().isForbidden());
        register(LocalJwtIssuer.token(LocalJwtIssuer.rsaKeyPair(), "crm-system", List.of("integration")), FakeCorreios.code("SE", 8))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aWrongMethodIs405AndAWrongContentTypeIs415BothAsProblems() throws Exception {
        mvc.perform(get("/api/shipments").header("Authorization", TestApiKeys.INTEGRATION))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/shipments").header("Authorization", TestApiKeys.INTEGRATION)
                        .contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/nothing-here").header("Authorization", TestApiKeys.OPERATOR))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void onlyHealthAndPrometheusAreExposedAndNeedNoCredentialHealthDetailsOnlyWithOne() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").header("Authorization", TestApiKeys.AUDITOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.components").exists());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("shipments_api_access_denied_total")));
        for (String hidden : List.of("/actuator/env", "/actuator/info", "/actuator/beans", "/actuator/configprops",
                "/actuator/loggers", "/actuator/heapdump")) {
            mvc.perform(get(hidden)).andExpect(status().isUnauthorized());
            mvc.perform(get(hidden).header("Authorization", TestApiKeys.OPERATOR))
                    .andExpect(status().is4xxClientError());
        }
    }

    private ResultActions register(String authorization, String code) throws Exception {
        var request = post("/api/shipments").contentType(MediaType.APPLICATION_JSON).content("""
                {"trackingCode":"%s","recipient":{"name":"Maria da Silva","phone":"(43) 99999-0021"},
                 "contents":[{"description":"Notebook reparado","quantity":1}]}""".formatted(code));
        return mvc.perform(authorization == null ? request : request.header("Authorization", authorization));
    }

    private double denied(String reason) {
        var counter = meters.find("shipments.api.access.denied").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
