package br.com.techassist.shipments.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.ingest.FakeCorreios;
import br.com.techassist.shipments.ingest.IngestIntegrationTest;
import br.com.techassist.shipments.model.ContentItem;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.testsupport.TestApiKeys;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IngestIntegrationTest
class ManualRegistrationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aValidRegistrationPublishesOneManualEventAndAnIdenticalRepeatIsHarmless() throws Exception {
        String code = FakeCorreios.code("MA", 11_000_000);
        String body = body(code, "(43) 99999-0021");

        try (var recorder = TopicRecorder.start(Topics.REGISTERED)) {
            post(body).andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/shipments/" + code))
                    .andExpect(jsonPath("$.trackingCode").value(code))
                    .andExpect(jsonPath("$.eventId").value(ShipmentRegistered.idFor(code).toString()))
                    .andExpect(jsonPath("$.status").value("REGISTERED"));
            post(body).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ALREADY_REGISTERED"));

            ShipmentRegistered event = recorder.await(ShipmentRegistered.class, e -> e.trackingCode().equals(code), 1,
                    Duration.ofSeconds(30)).getFirst();
            assertThat(event.eventId()).isEqualTo(ShipmentRegistered.idFor(code));
            assertThat(event.source()).isEqualTo(ShipmentRegistered.Source.MANUAL);
            assertThat(event.recipient().name()).isEqualTo("Maria da Silva");
            assertThat(event.recipient().mobile()).isEqualTo(new Phone("43", "999990021"));
            assertThat(event.recipient().landline()).isNull();
            assertThat(event.recipient().email()).isEqualTo("maria@example.com");
            assertThat(event.contents()).containsExactly(new ContentItem("Notebook reparado", 1, new BigDecimal("1500.00")));
            assertThat(event.notes()).isEqualTo("OS 1234");
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    recorder.events(ShipmentRegistered.class).stream().filter(e -> e.trackingCode().equals(code))
                            .count() == 1);
        }
        assertThat(jdbc.sql("SELECT source FROM registered_shipment WHERE tracking_code = ?").param(code)
                .query(String.class).single()).isEqualTo("MANUAL");
    }

    @Test
    void aRegistrationIsAuditedWithWhoTheRequestIdAndTheDataMasked() throws Exception {
        String code = FakeCorreios.code("MA", 14_000_000);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/shipments")
                        .header("Authorization", TestApiKeys.INTEGRATION).header("X-Request-Id", "req-" + code)
                        .contentType(MediaType.APPLICATION_JSON).content(body(code, "(43) 99999-0021")))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Request-Id", "req-" + code));

        mvc.perform(get("/api/audit").param("trackingCode", code).header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].actor").value(TestApiKeys.INTEGRATION_NAME))
                .andExpect(jsonPath("$[0].action").value("shipment.registered"))
                .andExpect(jsonPath("$[0].trackingCode").value(code))
                .andExpect(jsonPath("$[0].requestId").value("req-" + code))
                .andExpect(jsonPath("$[0].before").doesNotExist())
                .andExpect(jsonPath("$[0].after.recipient.name").value("M**** d* S****"))
                .andExpect(jsonPath("$[0].after.recipient.mobile").value("(43) 9****-0021"))
                .andExpect(jsonPath("$[0].after.recipient.email").value("m****@example.com"))
                .andExpect(jsonPath("$[0].after.notes").value("*(7 characters)"));
        String stored = jdbc.sql("SELECT after_state FROM audit_record WHERE tracking_code = ?").param(code)
                .query(String.class).single();
        assertThat(stored).doesNotContain("99999", "Maria", "maria@", "OS 1234");
        mvc.perform(get("/api/audit").param("trackingCode", code).header("Authorization", TestApiKeys.INTEGRATION))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit").param("trackingCode", code)).andExpect(status().isUnauthorized());
    }

    @Test
    void aDifferentRegistrationOfAKnownCodeIsAConflictAndChangesNothing() throws Exception {
        String code = FakeCorreios.code("MA", 12_000_000);
        try (var recorder = TopicRecorder.start(Topics.REGISTERED)) {
            post(body(code, "43999990021")).andExpect(status().isCreated());
            ShipmentRegistered first = recorder.await(ShipmentRegistered.class, e -> e.trackingCode().equals(code), 1,
                    Duration.ofSeconds(30)).getFirst();
            Map<String, Object> stored = storedRow(code);

            post(body(code, "43999990099"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("trackingCode: ")));

            assertThat(storedRow(code)).as("the registration as stored").isEqualTo(stored);
            assertThat(first.recipient().mobile()).isEqualTo(new Phone("43", "999990021"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single() == 0);
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    recorder.events(ShipmentRegistered.class).stream().filter(e -> e.trackingCode().equals(code))
                            .toList().equals(List.of(first)));
        }
    }

    private Map<String, Object> storedRow(String code) {
        return jdbc.sql("SELECT * FROM registered_shipment WHERE tracking_code = ?").param(code).query().singleRow();
    }

    @Test
    void aLandlineIsKeptAsALandline() throws Exception {
        String code = FakeCorreios.code("MA", 13_000_000);
        try (var recorder = TopicRecorder.start(Topics.REGISTERED)) {
            post(body(code, "+55 43 3333-4444")).andExpect(status().isCreated());
            var event = recorder.await(ShipmentRegistered.class, e -> e.trackingCode().equals(code), 1,
                    Duration.ofSeconds(30)).getFirst();
            assertThat(event.recipient().landline()).isEqualTo(new Phone("43", "33334444"));
            assertThat(event.recipient().mobile()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            trackingCode           | {"recipient":{"name":"Ana","phone":"43999990021"},"contents":[{"description":"TV","quantity":1}]}
            trackingCode           | {"trackingCode":"MA110000000BR","recipient":{"name":"Ana","phone":"43999990021"},"contents":[{"description":"TV","quantity":1}]}
            trackingCode           | {"trackingCode":"not-a-code","recipient":{"name":"Ana","phone":"43999990021"},"contents":[{"description":"TV","quantity":1}]}
            recipient              | {"trackingCode":"DG049186226BR","contents":[{"description":"TV","quantity":1}]}
            recipient.name         | {"trackingCode":"DG049186226BR","recipient":{"name":" ","phone":"43999990021"},"contents":[{"description":"TV","quantity":1}]}
            recipient.phone        | {"trackingCode":"DG049186226BR","recipient":{"name":"Ana"},"contents":[{"description":"TV","quantity":1}]}
            recipient.phone        | {"trackingCode":"DG049186226BR","recipient":{"name":"Ana","phone":"12345"},"contents":[{"description":"TV","quantity":1}]}
            recipient.phone        | {"trackingCode":"DG049186226BR","recipient":{"name":"Ana","phone":"43899990021"},"contents":[{"description":"TV","quantity":1}]}
            recipient.email        | {"trackingCode":"DG049186226BR","recipient":{"name":"Ana","phone":"43999990021","email":"ana-at-example"},"contents":[{"description":"TV","quantity":1}]}
            contents               | {"trackingCode":"DG049186226BR","recipient":{"name":"Ana","phone":"43999990021"},"contents":[]}
            contents[0].description | {"trackingCode":"DG049186226BR","recipient":{"name":"Ana","phone":"43999990021"},"contents":[{"quantity":1}]}
            contents[0].quantity   | {"trackingCode":"DG049186226BR","recipient":{"name":"Ana","phone":"43999990021"},"contents":[{"description":"TV","quantity":0}]}
            contents[0].quantity   | {"trackingCode":"DG049186226BR","recipient":{"name":"Ana","phone":"43999990021"},"contents":[{"description":"TV","quantity":"one"}]}
            contents[1].value      | {"trackingCode":"DG049186226BR","recipient":{"name":"Ana","phone":"43999990021"},"contents":[{"description":"TV","quantity":1},{"description":"Cabo","quantity":1,"value":-1}]}
            body                   | [1,2,3]
            body                   | {"trackingCode":"DG049186226BR","recipient":
            recipient.name         | {"trackingCode":"DG049186226BR","recipient":{"name":"Al","phone":"43999990021"},"contents":[{"description":"TV","quantity":1}]}
            notes                  | {"trackingCode":"DG049186226BR","recipient":{"name":"Ana","phone":"43999990021"},"contents":[{"description":"TV","quantity":1}],"notes":"123456789012345678901234567890123456789012345678901"}
            invoiceNumber          | {"trackingCode":"DG049186226BR","recipient":{"name":"Ana","phone":"43999990021"},"contents":[{"description":"TV","quantity":1}],"invoiceNumber":"NF 1"}
            """)
    void anInvalidRequestIsRejectedWithA400NamingTheBadField(String field, String body) throws Exception {
        post(body).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(field + ": ")))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registered_shipment WHERE tracking_code = 'DG049186226BR'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void moreThanFiftyItemsAreRefusedNamingContents() throws Exception {
        String item = "{\"description\":\"Cabo\",\"quantity\":1}";
        String body = "{\"trackingCode\":\"DG049186226BR\",\"recipient\":{\"name\":\"Ana\",\"phone\":\"43999990021\"},"
                + "\"contents\":[" + String.join(",", java.util.Collections.nCopies(51, item)) + "]}";
        post(body).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("contents"));
    }

    @Test
    void aBadEmailOrPhoneOfAnyLengthIsAnsweredAtOnceAndABodyOver64KbIs413() throws Exception {
        String big = "a".repeat(60_000);
        long started = System.nanoTime();
        post(body("DG049186226BR", big).replace("maria@example.com", big + "@" + big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        String megabyte = "9".repeat(1 << 20);
        post(body("DG049186226BR", megabyte)).andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        String justUnder = "@".repeat(30_000) + "x.com";
        post(body("DG049186226BR", "4" + "3".repeat(20_000)).replace("maria@example.com", justUnder))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("recipient.email",
                        "recipient.phone")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    private ResultActions post(String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/shipments")
                .header("Authorization", TestApiKeys.INTEGRATION).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String body(String code, String phone) {
        return """
                {"trackingCode":"%s",
                 "recipient":{"name":"Maria da Silva","phone":"%s","email":"maria@example.com"},
                 "contents":[{"description":"Notebook reparado","quantity":1,"value":1500.00}],
                 "notes":"OS 1234"}""".formatted(code.toLowerCase(java.util.Locale.ROOT), phone);
    }
}
