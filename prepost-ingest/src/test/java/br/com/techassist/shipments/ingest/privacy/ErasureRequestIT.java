package br.com.techassist.shipments.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.correios.CorreiosTokenProvider;
import br.com.techassist.shipments.ingest.FakeCorreios;
import br.com.techassist.shipments.ingest.IngestIntegrationTest;
import br.com.techassist.shipments.ingest.intake.PrePostingIntake;
import br.com.techassist.shipments.model.PersonalDataErased;
import br.com.techassist.shipments.model.PersonalDataErasureRequested;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.testsupport.TestApiKeys;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IngestIntegrationTest
class ErasureRequestIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PrePostingIntake intake;

    @Autowired
    CorreiosTokenProvider tokens;

    @Autowired
    EventPublisher publisher;

    TestParcels parcels;

    @BeforeEach
    void parcels() {
        parcels = new TestParcels(intake, tokens, mvc);
    }

    @Test
    void anErasureByPhoneFindsEveryParcelOfThePersonHoweverThePhoneWasTypedAndNoOneElses() throws Exception {
        String prePosted = FakeCorreios.code("ER", 10_000_001); // phone listed without the ninth digit
        String byHand = FakeCorreios.code("ER", 10_000_002); // typed with it
        String someoneElse = FakeCorreios.code("ER", 10_000_003);
        parcels.poll(List.of(TestParcels.prePosting(prePosted, "Ana Pereira", "68", "99991234", null, null)));
        parcels.registerByHand(byHand, "Ana Pereira", "(68) 99999-1234", null);
        parcels.registerByHand(someoneElse, "Bruno Pereira", "(68) 99999-1235", null);

        String id;
        try (var recorder = TopicRecorder.start(Topics.PRIVACY)) {
            ResultActions result = request("{\"phone\":\"+55 68 99999-1234\"}")
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.parcels").value(contains(prePosted, byHand)))
                    .andExpect(jsonPath("$.status").value("requested"));
            id = body(result).get("id").asString();
            result.andExpect(header().string("Location", "/api/privacy/erasures/" + id));

            var events = recorder.await(PersonalDataErasureRequested.class, e -> e.requestId().equals(id), 2,
                    Duration.ofSeconds(30));
            assertThat(events).extracting(PersonalDataErasureRequested::trackingCode)
                    .containsExactlyInAnyOrder(prePosted, byHand);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.eventId()).isEqualTo(PersonalDataErasureRequested.idFor(id, e.trackingCode()));
                assertThat(e.reason()).isEqualTo(PersonalDataErasureRequested.Reason.REQUEST);
            });
            assertThat(recorder.records()).filteredOn(r -> new String(r.value()).contains("\"requestId\":\"" + id)
                            && new String(r.value()).contains("\"reason\""))
                    .extracting(r -> r.key()).containsExactlyInAnyOrder(prePosted, byHand);
            assertThat(recorder.records()).noneMatch(r -> someoneElse.equals(r.key()));
        }
        assertThat(jdbc.sql("SELECT requested_by, identifier_kinds, parcels FROM erasure_request WHERE id = ?")
                .param(id).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3))
                .single()).isEqualTo(TestApiKeys.OPERATOR_NAME + " phone 2");
        mvc.perform(get("/api/audit").param("trackingCode", prePosted).header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.action == 'privacy.erasure-requested')].actor")
                        .value(contains(TestApiKeys.OPERATOR_NAME)))
                .andExpect(jsonPath("$[?(@.action == 'privacy.erasure-requested')].after.identifiers.phone")
                        .value(contains("+55 68 9****-1234")));
        assertThat(jdbc.sql("SELECT after_state FROM audit_record WHERE action = 'privacy.erasure-requested'")
                .query(String.class).list()).noneMatch(s -> s.contains("99991234") || s.contains("999991234"));
    }

    @Test
    void theNationalFormWithoutTheNinthDigitFindsAParcelRegisteredWithIt() throws Exception {
        String code = FakeCorreios.code("ER", 10_000_004);
        parcels.registerByHand(code, "Carla Souza", "+55 68 99999-4321", null);

        request("{\"phone\":\"(68) 9999-4321\"}").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.parcels").value(contains(code)));
    }

    @Test
    void anErasureByCpfOrEMailFindsTheParcelsRegisteredWithIt() throws Exception {
        String withCpf = FakeCorreios.code("ER", 10_000_005);
        String withEmail = FakeCorreios.code("ER", 10_000_006);
        parcels.poll(List.of(TestParcels.prePosting(withCpf, "Dora Lima", "68", "999995555", null, "52998224725")));
        parcels.registerByHand(withEmail, "Dora Lima", "(68) 99999-5556", "Dora.Lima@Example.com");

        request("{\"document\":\"529.982.247-25\"}").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.parcels").value(contains(withCpf)));
        request("{\"email\":\"dora.lima@example.COM\"}").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.parcels").value(contains(withEmail)));
    }

    @Test
    void aRequestThatFindsNothingIsRecordedAndAnsweredWithNoParcels() throws Exception {
        JsonNode answer = body(request("{\"email\":\"nobody.here@example.com\",\"phone\":\"(11) 3333-9999\"}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.parcels").value(empty())));
        String id = answer.get("id").asString();

        assertThat(jdbc.sql("SELECT identifier_kinds, parcels FROM erasure_request WHERE id = ?").param(id)
                .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2)).single()).isEqualTo("phone,email 0");
        mvc.perform(get("/api/privacy/erasures/" + id).header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete").value(true))
                .andExpect(jsonPath("$.identifierKinds").value(contains("phone", "email")))
                .andExpect(jsonPath("$.parcels").value(empty()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            identifier | {}
            identifier | {"phone":null,"document":null}
            phone      | {"phone":"12345"}
            email      | {"email":"not-an-address"}
            document   | {"document":"123.456.789"}
            body       | [1,2]
            """)
    void aRequestWithoutAUsableIdentifierIs400NamingTheField(String field, String body) throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM erasure_request").query(Long.class).single();

        request(body).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(startsWith(field + ": ")))
                .andExpect(jsonPath("$.errors[0].field").value(field));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM erasure_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyAnOperatorMayRequestAnErasureAndAnAuditorMayFollowIt() throws Exception {
        String body = "{\"email\":\"someone@example.com\"}";
        mvc.perform(post("/api/privacy/erasures").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        request(TestApiKeys.AUDITOR, body).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        request(TestApiKeys.INTEGRATION, body).andExpect(status().isForbidden());
        String id = body(request(body).andExpect(status().isAccepted())).get("id").asString();

        mvc.perform(get("/api/privacy/erasures/" + id)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/privacy/erasures/" + id).header("Authorization", TestApiKeys.INTEGRATION))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/privacy/erasures/" + id).header("Authorization", TestApiKeys.OPERATOR))
                .andExpect(status().isOk()).andExpect(jsonPath("$.requestedBy").value(TestApiKeys.OPERATOR_NAME));
        mvc.perform(get("/api/privacy/erasures/" + UUID.randomUUID()).header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theProgressShowsWhichServicesAreAwaitedUntilEveryOneConfirmedEveryParcel() throws Exception {
        String first = FakeCorreios.code("ER", 10_000_007);
        String second = FakeCorreios.code("ER", 10_000_008);
        parcels.registerByHand(first, "Elisa Rocha", "(68) 99999-7777", null);
        parcels.registerByHand(second, "Elisa Rocha", "(68) 99999-7777", null);
        String id = body(request("{\"phone\":\"68999997777\"}").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.parcels").value(contains(first, second)))).get("id").asString();

        JsonNode progress = progress(id);
        assertThat(progress.get("complete").asBoolean()).isFalse();
        assertThat(progress.get("status").asString()).isEqualTo("requested");
        assertThat(progress.at("/parcels/0/trackingCode").asString()).isEqualTo(first);
        assertThat(awaiting(progress, 0)).contains("tracking-poller", "phone-validator", "notifier");

        confirm(id, first, "tracking-poller", 2);
        confirm(id, second, "tracking-poller", 1);
        confirm(id, first, "phone-validator", 1);
        confirm(id, first, "phone-validator", 1); // a redelivery
        confirm("retention-" + first, first, "notifier", 3); // a retention erasure: not this request's
        confirm(id, FakeCorreios.code("ER", 10_000_009), "notifier", 1); // not a parcel of this request

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode now = progress(id);
            assertThat(awaiting(now, 0)).doesNotContain("tracking-poller", "phone-validator").contains("notifier");
            assertThat(awaiting(now, 1)).doesNotContain("tracking-poller").contains("phone-validator", "notifier");
        });
        JsonNode partly = progress(id);
        assertThat(partly.get("complete").asBoolean()).isFalse();
        assertThat(partly.at("/parcels/0/confirmed").valueStream()
                .filter(c -> c.get("service").asString().equals("tracking-poller")).findFirst().orElseThrow()
                .get("rows").asInt()).isEqualTo(2);

        for (String code : List.of(first, second)) {
            for (String service : List.of("prepost-ingest", "phone-validator", "notifier")) {
                confirm(id, code, service, 0);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> progress(id).get("complete").asBoolean());
        assertThat(progress(id).get("status").asString()).isEqualTo("complete");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM erasure_confirmation WHERE request_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM erasure_confirmation WHERE request_id = ?")
                .param("retention-" + first).query(Long.class).single()).isZero();
    }

    private void confirm(String requestId, String code, String service, int rows) throws Exception {
        publisher.publish(new PersonalDataErased(PersonalDataErased.idFor(service, requestId, code),
                OffsetDateTime.now(ZoneOffset.UTC), code, requestId, service, rows)).get();
    }

    private JsonNode progress(String id) throws Exception {
        return body(mvc.perform(get("/api/privacy/erasures/" + id).header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isOk()));
    }

    private static List<String> awaiting(JsonNode progress, int parcel) {
        return progress.at("/parcels/" + parcel + "/awaiting").valueStream().map(JsonNode::asString).toList();
    }

    private ResultActions request(String body) throws Exception {
        return request(TestApiKeys.OPERATOR, body);
    }

    private ResultActions request(String authorization, String body) throws Exception {
        return mvc.perform(post("/api/privacy/erasures").header("Authorization", authorization)
                        .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
