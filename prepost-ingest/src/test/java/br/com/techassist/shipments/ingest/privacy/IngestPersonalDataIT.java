package br.com.techassist.shipments.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.correios.CorreiosTokenProvider;
import br.com.techassist.shipments.ingest.FakeCorreios;
import br.com.techassist.shipments.ingest.IngestIntegrationTest;
import br.com.techassist.shipments.ingest.intake.PrePostingIntake;
import br.com.techassist.shipments.model.PersonalDataErasureRequested.Reason;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.support.privacy.PersonalDataHolder;
import br.com.techassist.shipments.testsupport.TestApiKeys;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** prepost-ingest's {@link PersonalDataHolder}, called as service-support's erasure listener calls it. */
@IngestIntegrationTest
class IngestPersonalDataIT {

    @Autowired
    PersonalDataHolder holder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    PrePostingIntake intake;

    @Autowired
    CorreiosTokenProvider tokens;

    TestParcels parcels;

    @BeforeEach
    void parcels() {
        parcels = new TestParcels(intake, tokens, mvc);
    }

    @Test
    void erasingAParcelLeavesNoPersonalDataAndKeepsItsOperationalRow() {
        String code = FakeCorreios.code("EH", 20_000_001);
        var item = TestParcels.prePosting(code, "Fabio Nunes", "68", "999992001", "fabio.nunes@example.com", "52998224725");
        assertThat(parcels.poll(List.of(item)).registered()).isEqualTo(1);
        var nameless = new LinkedHashMap<>(item);
        nameless.put("id", "PRX-EH-1");
        nameless.put("destinatario", Map.of("nome", " ", "cpfCnpj", "52998224725", "celular", "999992001"));
        assertThat(parcels.poll(List.of(nameless)).rejected()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM personal_data_key WHERE tracking_code = ?", code)).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM rejected_pre_posting WHERE tracking_code = ?", code)).isOne();
        Instant registeredAt = jdbc.sql("SELECT registered_at FROM registered_shipment WHERE tracking_code = ?")
                .param(code).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(holder.oldestHeld()).hasValueSatisfying(oldest -> assertThat(oldest).isBeforeOrEqualTo(registeredAt));

        int rows = holder.erase(code, Reason.REQUEST);

        assertThat(rows).as("3 keys, the registration, the rejected item").isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM personal_data_key WHERE tracking_code = ?", code)).isZero();
        assertThat(count("SELECT COUNT(*) FROM rejected_pre_posting WHERE tracking_code = ?", code)).isZero();
        Map<String, Object> row = jdbc.sql("SELECT * FROM registered_shipment WHERE tracking_code = ?").param(code)
                .query().singleRow();
        assertThat(row).containsEntry("source", "PRE_POSTING").containsEntry("pre_posting_id", "PR" + code)
                .containsEntry("event_id", ShipmentRegistered.idFor(code).toString())
                .containsEntry("recipient_fingerprint", null).containsEntry("fingerprint", "erased");
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(row.get("registered_at")).isNotNull();
        assertThat(holder.erase(code, Reason.REQUEST)).as("a second erasure changes nothing").isZero();
        assertThat(holder.erase(code.toLowerCase(java.util.Locale.ROOT), Reason.RETENTION)).isZero();
    }

    @Test
    void aParkedRegistrationEventOfTheParcelIsDeletedWithIt() throws Exception {
        String code = FakeCorreios.code("EH", 20_000_002);
        parcels.registerByHand(code, "Gil Matos", "(68) 99999-2002", null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT COUNT(*) FROM outbox_event WHERE message_key = ?", code) == 0);
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, topic, message_key, ce_type, payload, created_at, parked_at, parked_reason)
                VALUES ('parked-eh-2', ?, ?, 'ShipmentRegistered', '{"recipient":{"name":"Gil Matos"}}', ?, ?, 'too large')""")
                .params(Topics.REGISTERED, code, java.sql.Timestamp.from(Instant.now()),
                        java.sql.Timestamp.from(Instant.now()))
                .update();

        assertThat(holder.erase(code, Reason.RETENTION)).as("a key, the registration, the parked event").isEqualTo(3);

        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE message_key = ?", code)).isZero();
    }

    @Test
    void aPrePostingStillListedAfterTheErasureIsNotRegisteredIndexedOrAlertedAgain() throws Exception {
        String byHand = FakeCorreios.code("EH", 20_000_003); // registered by hand, then listed with another recipient
        String prePosted = FakeCorreios.code("EH", 20_000_004); // registered from a pre-posting, listed again
        String neverSeen = FakeCorreios.code("EH", 20_000_005); // erased before it was ever registered
        String rejected = FakeCorreios.code("EH", 20_000_006); // erased, then listed without a recipient name
        parcels.registerByHand(byHand, "Hugo Alves", "(68) 99999-2003", null);
        var prePosting = TestParcels.prePosting(prePosted, "Iris Alves", "68", "999992004", null, "52998224725");
        parcels.poll(List.of(prePosting));
        for (String code : List.of(byHand, prePosted, neverSeen, rejected)) {
            assertThat(holder.erase(code, Reason.REQUEST)).isPositive();
        }
        var nameless = new LinkedHashMap<>(TestParcels.prePosting(rejected, " ", "68", "999992006", null, null));
        List<String> codes = List.of(byHand, prePosted, neverSeen, rejected);

        try (var recorder = TopicRecorder.start(Topics.REGISTERED, Topics.ALERTS)) {
            var summary = parcels.poll(List.of(
                    TestParcels.prePosting(byHand, "Outra Pessoa", "68", "999990000", null, null), prePosting,
                    TestParcels.prePosting(neverSeen, "Jo Alves", "68", "999992005", null, null), nameless));

            assertThat(summary.registered()).isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM outbox_event") == 0);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    recorder.events(ShipmentRegistered.class).stream().noneMatch(e -> codes.contains(e.trackingCode()))
                            && recorder.events(ShipmentAlert.class).stream()
                                    .noneMatch(a -> codes.contains(a.trackingCode())));
        }
        for (String code : codes) {
            assertThat(count("SELECT COUNT(*) FROM personal_data_key WHERE tracking_code = ?", code)).isZero();
            assertThat(count("SELECT COUNT(*) FROM registered_shipment WHERE tracking_code = ?"
                    + " AND erased_at IS NOT NULL AND recipient_fingerprint IS NULL AND conflict_alerted_at IS NULL", code))
                    .isOne();
        }
        assertThat(count("SELECT COUNT(*) FROM rejected_pre_posting WHERE tracking_code = ?", rejected)).isZero();
        mvc.perform(post("/api/shipments").header("Authorization", TestApiKeys.OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"trackingCode":"%s","recipient":{"name":"Hugo Alves","phone":"(68) 99999-2003"},
                                 "contents":[{"description":"TV","quantity":1}]}""".formatted(byHand)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Personal data erased"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("trackingCode: ")));
    }

    @Test
    void somethingThatIsNotATrackingCodeErasesNothing() {
        assertThat(holder.erase("not-a-code", Reason.REQUEST)).isZero();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
