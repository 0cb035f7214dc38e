package br.com.techassist.shipments.phone.contact;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.phone.PhoneValidatorProperties;
import br.com.techassist.shipments.phonenumbers.BrazilianPhoneNumbers;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.MovableClock;
import br.com.techassist.shipments.testsupport.PartitionWriter;
import br.com.techassist.shipments.testsupport.TestApiKeys;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service end to end on real infrastructure: registrations arrive through the shared KRaft
 * broker, contacts and the lookup cache live in MySQL, and the Evolution API is WireMock speaking
 * its real wire format ({@code POST /chat/whatsappNumbers/{instance}}, {@code apikey} header).
 */
@IntegrationTest(properties = {
        "phone.provider=evolution",
        "phone.whatsapp.token=test-apikey",
        "phone.whatsapp.instance=shipments",
        "phone.checks.poll-interval=200ms",
        "phone.checks.retry-initial=300ms",
        "phone.checks.per-minute=1000"
})
@AutoConfigureMockMvc
class ContactValidationIT {

    private static final String CHECK_URL = "/chat/whatsappNumbers/shipments";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static WireMockExtension evolution = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void evolutionUrl(DynamicPropertyRegistry registry) {
        registry.add("phone.whatsapp.base-url", evolution::baseUrl);
    }

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    TopicRecorder contacts;

    @BeforeEach
    void record() {
        contacts = TopicRecorder.start(Topics.CONTACTS);
    }

    @AfterEach
    void stopRecording() {
        contacts.close();
    }

    @Test
    void aMobileWhoseAccountHasTheNinthDigitIsValid() throws Exception {
        String code = newTrackingCode();
        stubAccounts("5543991110001", account("5543991110001"), "554391110001", null);

        register(code, new Phone("43", "99111-0001"), null);

        ContactValidated contact = awaitContact(code);
        assertThat(contact.status()).isEqualTo(ContactStatus.VALID);
        assertThat(contact.whatsappId()).isEqualTo("5543991110001");
        assertThat(contact.e164()).isEqualTo("+5543991110001");
        assertThat(contact.phoneType()).isEqualTo(PhoneType.MOBILE);
        assertThat(contact.input()).as("what was typed, masked").isEqualTo("(43) 9****-0001");
        assertThat(contact.provider()).isEqualTo("evolution");
        evolution.verify(1, postRequestedFor(urlEqualTo(CHECK_URL))
                .withHeader("apikey", equalTo("test-apikey"))
                .withRequestBody(equalToJson("{\"numbers\": [\"5543991110001\"]}")));
    }

    @Test
    void aMobileWhoseAccountPredatesTheNinthDigitIsCorrectedToTheTwelveDigitId() throws Exception {
        String code = newTrackingCode();
        stubAccounts("5543991110002", null, "554391110002", account("554391110002"));

        register(code, new Phone("(43)", "9 9111-0002"), null);

        ContactValidated contact = awaitContact(code);
        assertThat(contact.status()).isEqualTo(ContactStatus.CORRECTED);
        assertThat(contact.whatsappId()).isEqualTo("554391110002");
        assertThat(contact.e164()).isEqualTo("+5543991110002");
    }

    @Test
    void aNumberWithoutAnyAccountHasNoWhatsapp() throws Exception {
        String code = newTrackingCode();
        stubAccounts("5511981110003", null, "551181110003", null);

        register(code, new Phone("11", "98111-0003"), null);

        ContactValidated contact = awaitContact(code);
        assertThat(contact.status()).isEqualTo(ContactStatus.NO_WHATSAPP);
        assertThat(contact.whatsappId()).isNull();
        assertThat(contact.e164()).isEqualTo("+5511981110003");
    }

    @Test
    void aLandlineWithWhatsappBusinessIsCheckedAsTypedWithoutANinthDigit() throws Exception {
        String code = newTrackingCode();
        stubAccounts("554333220004", account("554333220004"));

        register(code, null, new Phone("43", "3322-0004"));

        ContactValidated contact = awaitContact(code);
        assertThat(contact.status()).isEqualTo(ContactStatus.VALID);
        assertThat(contact.phoneType()).isEqualTo(PhoneType.LANDLINE);
        assertThat(contact.whatsappId()).isEqualTo("554333220004");
        evolution.verify(1, postRequestedFor(urlEqualTo(CHECK_URL))
                .withRequestBody(equalToJson("{\"numbers\": [\"554333220004\"]}")));
    }

    @Test
    void theSecondParcelOfTheSameCustomerIsAnsweredFromTheCacheWithoutAskingTheProvider() throws Exception {
        String first = newTrackingCode();
        String second = newTrackingCode();
        stubAccounts("5521991110005", null, "552191110005", account("552191110005"));
        double hitsBefore = cacheHits();

        register(first, new Phone("21", "99111-0005"), null);
        assertThat(awaitContact(first).whatsappId()).isEqualTo("552191110005");
        register(second, new Phone(null, "+55 (21) 9 9111-0005"), null);
        ContactValidated again = awaitContact(second);

        assertThat(again.status()).isEqualTo(ContactStatus.CORRECTED);
        assertThat(again.whatsappId()).isEqualTo("552191110005");
        assertThat(cacheHits()).isEqualTo(hitsBefore + 1);
        evolution.verify(1, postRequestedFor(urlEqualTo(CHECK_URL))
                .withRequestBody(matchingJsonPath("$.numbers[?(@ == '5521991110005')]")));
    }

    @Test
    void whenTheProviderFailsTheContactWaitsAndIsPublishedOnceAfterItRecovers() throws Exception {
        String code = newTrackingCode();
        String body = "{\"numbers\": [\"5531991110006\"]}";
        evolution.stubFor(post(urlEqualTo(CHECK_URL)).withRequestBody(equalToJson(body))
                .inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"status\":503,\"error\":\"Service Unavailable\"}"))
                .willSetStateTo("recovered"));
        evolution.stubFor(post(urlEqualTo(CHECK_URL)).withRequestBody(equalToJson(body))
                .inScenario("outage").whenScenarioStateIs("recovered")
                .willReturn(okJson(answers("5531991110006", account("553191110006")))));

        register(code, new Phone("31", "99111-0006"), null);

        await().atMost(WAIT).until(() -> failedChecks(code) >= 1);
        ContactValidated contact = awaitContact(code);
        assertThat(contact.status()).isEqualTo(ContactStatus.CORRECTED);
        assertThat(contact.whatsappId()).isEqualTo("553191110006");
        assertThat(contactsOf(code)).hasSize(1);
        assertThat(failedChecks(code)).isEqualTo(1);
        evolution.verify(2, postRequestedFor(urlEqualTo(CHECK_URL)).withRequestBody(equalToJson(body)));
        assertThat(meters.timer("phone.provider.checks", "provider", "evolution", "outcome", "server_error").count())
                .isPositive();
    }

    @Test
    void aRedeliveredRegistrationPublishesNothingNew() throws Exception {
        String code = newTrackingCode();
        stubAccounts("5543991110007", account("5543991110007"), "554391110007", null);
        ShipmentRegistered registration = TestParcels.registration(code, new Phone("43", "99111-0007"), null);
        double duplicatesBefore = meters.counter("phone.registrations", "outcome", "duplicate").count();

        publisher.publish(registration).get(10, TimeUnit.SECONDS);
        awaitContact(code);
        publisher.publish(registration).get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(
                () -> meters.counter("phone.registrations", "outcome", "duplicate").count() > duplicatesBefore);
        assertThat(contactsOf(code)).hasSize(1);
        evolution.verify(1, postRequestedFor(urlEqualTo(CHECK_URL))
                .withRequestBody(matchingJsonPath("$.numbers[?(@ == '5543991110007')]")));
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsDeadLetteredAloneAndTheRegistrationsAroundItAreValidated() {
        List<String> good = List.of(newTrackingCode(), newTrackingCode(), newTrackingCode(), newTrackingCode());
        double deadLettersBefore = meters.counter("shipments_dead_letters", "topic", Topics.REGISTERED).count();
        try (var dlt = TopicRecorder.start(Topics.deadLetter(Topics.REGISTERED));
                var writer = PartitionWriter.to(Topics.REGISTERED, 1)) {
            listeners.stop();
            writeRegistration(writer, good.get(0));
            writeRegistration(writer, good.get(1));
            writeRegistration(writer, "NOT-A-CODE");
            writer.sendRaw("garbage", "{not json".getBytes(StandardCharsets.UTF_8));
            writeRegistration(writer, good.get(2));
            writeRegistration(writer, good.get(3));
            listeners.start();

            good.forEach(code -> assertThat(awaitContact(code).status()).isEqualTo(ContactStatus.INVALID));
            await().atMost(WAIT).until(() -> dlt.records().size() >= 2);
            assertThat(dlt.records()).extracting(ConsumerRecord::key).containsExactly("NOT-A-CODE", "garbage");
            assertThat(meters.counter("shipments_dead_letters", "topic", Topics.REGISTERED).count() - deadLettersBefore)
                    .isEqualTo(2);
        } finally {
            listeners.start();
        }
    }

    @Test
    void aRedeliveredBatchChangesNoContactAndPublishesNothingNew() {
        List<String> codes = List.of(newTrackingCode(), newTrackingCode(), newTrackingCode());
        try (var writer = PartitionWriter.to(Topics.REGISTERED, 1)) {
            long from = writeRegistration(writer, codes.get(0));
            writeRegistration(writer, codes.get(1));
            writeRegistration(writer, codes.get(2));
            codes.forEach(this::awaitContact);
            writer.awaitCommitted("phone-validator", from + codes.size());
            var before = jdbc.sql("SELECT * FROM contact WHERE tracking_code IN (:codes) ORDER BY tracking_code")
                    .param("codes", codes).query().listOfRows();
            double duplicatesBefore = meters.counter("phone.registrations", "outcome", "duplicate").count();

            listeners.stop();
            writer.rewind("phone-validator", from);
            listeners.start();
            writer.awaitCommitted("phone-validator", from + codes.size());

            assertThat(meters.counter("phone.registrations", "outcome", "duplicate").count() - duplicatesBefore)
                    .isEqualTo(codes.size());
            assertThat(jdbc.sql("SELECT * FROM contact WHERE tracking_code IN (:codes) ORDER BY tracking_code")
                    .param("codes", codes).query().listOfRows()).isEqualTo(before);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE message_key IN (:codes)")
                    .param("codes", codes).query(Integer.class).single()).isZero();
            codes.forEach(code -> assertThat(contactsOf(code)).hasSize(1));
        } finally {
            listeners.start();
        }
    }

    /** A registration with a junk phone (INVALID at once, no provider asked), written to the batch partition. */
    private static long writeRegistration(PartitionWriter writer, String code) {
        return writer.send(code, TestParcels.registration(code, new Phone("43", "não tem"), null));
    }

    @Test
    void aRecipientWithoutPhoneIsMissingAndJunkIsInvalidWithoutAskingTheProvider() throws Exception {
        String missing = newTrackingCode();
        String junk = newTrackingCode();

        register(missing, new Phone("43", " "), null);
        register(junk, new Phone("43", "não tem"), null);

        assertThat(awaitContact(missing).status()).isEqualTo(ContactStatus.MISSING);
        ContactValidated invalid = awaitContact(junk);
        assertThat(invalid.status()).isEqualTo(ContactStatus.INVALID);
        assertThat(invalid.input()).as("masked").isEqualTo("**");
        assertThat(invalid.e164()).isNull();
    }

    @Test
    void anOperatorCorrectsANumberWhichIsValidatedAgainAndPublished() throws Exception {
        String code = newTrackingCode();
        register(code, new Phone("43", "1234"), null);
        ContactValidated before = awaitContact(code);
        assertThat(before.status()).isEqualTo(ContactStatus.INVALID);
        stubAccounts("5543991110008", account("5543991110008"), "554391110008", null);

        mvc.perform(put("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\": \"(43) 99111-0008\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.trackingCode").value(code))
                .andExpect(jsonPath("$.e164").value("+5543991110008"));

        ContactValidated after = contacts.await(ContactValidated.class,
                c -> c.trackingCode().equals(code) && c.status() == ContactStatus.VALID, 1, WAIT).getFirst();
        assertThat(after.whatsappId()).isEqualTo("5543991110008");
        assertThat(after.input()).isEqualTo("(43) 9****-0008");
        assertThat(after.eventId()).isNotEqualTo(before.eventId());
        assertThat(contactsOf(code)).hasSize(2);
    }

    @Test
    void contactsNeedACredentialAuditorsReadThemMaskedAndOnlyOperatorsCorrectThemAudited() throws Exception {
        String code = newTrackingCode();
        stubAccounts("5543991110031", account("5543991110031"), "554391110031", null);
        register(code, new Phone("43", "99111-0031"), null);
        awaitContact(code);

        mvc.perform(get("/api/contacts/{code}", code)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/contacts/{code}", code).header("Authorization", TestApiKeys.INTEGRATION))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR))
                .andExpect(status().isOk()).andExpect(jsonPath("$.e164").value("+5543991110031"));
        mvc.perform(get("/api/contacts/{code}", code).header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isOk()).andExpect(jsonPath("$.e164").value("+55 43 9****-0031"))
                .andExpect(jsonPath("$.input").value("(43) 9****-0031"));
        mvc.perform(put("/api/contacts/{code}", code).header("Authorization", TestApiKeys.AUDITOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\": \"(43) 99111-0032\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/contacts/{code}", code).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\": \"(43) 99111-0032\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR)
                        .contentType(MediaType.TEXT_PLAIN).content("(43) 99111-0032"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\": "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        long started = System.nanoTime();
        mvc.perform(put("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\": \"" + "9".repeat(1 << 20) + "\"}"))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(put("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\": \"" + "9".repeat(60_000) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("phone"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

        stubAccounts("5543991110032", account("5543991110032"), "554391110032", null);
        mvc.perform(put("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR)
                        .header("X-Request-Id", "fix-" + code)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\": \"(43) 99111-0032\"}"))
                .andExpect(status().isAccepted());
        mvc.perform(get("/api/audit").param("trackingCode", code).header("Authorization", TestApiKeys.AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].actor").value(TestApiKeys.OPERATOR_NAME))
                .andExpect(jsonPath("$[0].action").value("contact.corrected"))
                .andExpect(jsonPath("$[0].requestId").value("fix-" + code))
                .andExpect(jsonPath("$[0].before.e164").value("+55 43 9****-0031"))
                .andExpect(jsonPath("$[0].after.e164").value("+55 43 9****-0032"))
                .andExpect(jsonPath("$[0].after.input").value("(43) 9****-0032"));
        assertThat(jdbc.sql("SELECT CONCAT(before_state, after_state) FROM audit_record WHERE tracking_code = ?")
                .param(code).query(String.class).single()).doesNotContain("991110031", "991110032", "99111-003");
    }

    @Test
    void aCorrectionWithJunkOrForAnUnknownParcelIsRefusedWithAClearMessage() throws Exception {
        String code = newTrackingCode();
        stubAccounts("5543991110009", account("5543991110009"), "554391110009", null);
        register(code, new Phone("43", "99111-0009"), null);
        awaitContact(code);

        mvc.perform(put("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\": \"call me maybe\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("phone: 'call me maybe' contains letters, not a phone number"))
                .andExpect(jsonPath("$.errors[0].field").value("phone"));
        mvc.perform(put("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"areaCode\": \"43\", \"number\": \"9911\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("too short")));
        mvc.perform(put("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("phone: no phone was given"));
        mvc.perform(put("/api/contacts/{code}", "XX123").header("Authorization", TestApiKeys.OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\": \"(43) 99111-0009\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("does not match the format")))
                .andExpect(jsonPath("$.errors[0].field").value("trackingCode"));
        mvc.perform(put("/api/contacts/{code}", newTrackingCode()).header("Authorization", TestApiKeys.OPERATOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\": \"(43) 99111-0009\"}"))
                .andExpect(status().isNotFound());
        assertThat(contactsOf(code)).hasSize(1);
    }

    @Test
    void aBatchOfCacheHitsAndProviderAnswersIsSettledTogetherAndACorrectionMidCheckDropsOnlyItsAnswer() throws Exception {
        String valid = newTrackingCode();
        String corrected = newTrackingCode();
        String cached = newTrackingCode();
        String changed = newTrackingCode();
        stubBatch("5543991110011", account("5543991110011"), "554391110011", null,
                "5543991110012", null, "554391110012", account("554391110012"),
                "5543991110014", account("5543991110014"), "554391110014", null);
        cache.store("5543991110013", "5543991110013", "evolution", Instant.now());
        Instant due = Instant.now().plus(Duration.ofDays(1)); // not due for the running worker, only for this one
        insertPending(due, Map.of(valid, "(43) 99111-0011", corrected, "(43) 99111-0012", cached, "(43) 99111-0013",
                changed, "(43) 99111-0014"));
        WhatsAppDirectory correctingWhileAsked = new ForwardingDirectory(directory) {
            @Override
            public List<NumberCheck> check(List<String> numbers) {
                validation.correct(changed, BrazilianPhoneNumbers.normalize("1234"));
                return super.check(numbers);
            }
        };

        worker(correctingWhileAsked, new MovableClock(due.plusSeconds(1))).pass();

        assertThat(awaitContact(valid).status()).isEqualTo(ContactStatus.VALID);
        assertThat(awaitContact(corrected).whatsappId()).isEqualTo("554391110012");
        assertThat(awaitContact(cached).status()).isEqualTo(ContactStatus.VALID);
        assertThat(awaitContact(changed).status()).as("the correction, not the stale answer").isEqualTo(ContactStatus.INVALID);
        assertThat(statusOf(changed)).isEqualTo("INVALID");
        evolution.verify(1, postRequestedFor(urlEqualTo(CHECK_URL))
                .withRequestBody(matchingJsonPath("$.numbers[?(@ == '5543991110011')]")));
        evolution.verify(0, postRequestedFor(urlEqualTo(CHECK_URL))
                .withRequestBody(matchingJsonPath("$.numbers[?(@ == '5543991110013')]")));
        assertThat(contactsOf(changed)).hasSize(1);
    }

    @Test
    void aContactWhoseSettlementFailsStaysPendingUnderItsClaimAndIsSettledOnceItExpires() throws Exception {
        String poisoned = newTrackingCode();
        String healthy = newTrackingCode();
        stubBatch("5543991110015", account("5543991110015"), "554391110015", null,
                "5543991110016", account("5543991110016"), "554391110016", null);
        Instant due = Instant.now().plus(Duration.ofDays(2));
        insertPending(due, Map.of(poisoned, "(43) 99111-0015", healthy, "(43) 99111-0016"));
        MovableClock clock = new MovableClock(due.plusSeconds(1));
        PendingChecks worker = worker(directory, clock);
        jdbc.sql("CREATE TRIGGER poison_outbox BEFORE INSERT ON outbox_event FOR EACH ROW IF NEW.message_key = '"
                + poisoned + "' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'poisoned by the test'; END IF").update();
        try {
            worker.pass();

            assertThat(awaitContact(healthy).status()).isEqualTo(ContactStatus.VALID);
            assertThat(statusOf(poisoned)).as("rolled back, not lost").isEqualTo("PENDING");
            assertThat(contactsOf(poisoned)).isEmpty();
            clock.advance(CLAIM_TIMEOUT.minusMillis(1));
            worker.pass();
            assertThat(statusOf(poisoned)).as("its claim still holds").isEqualTo("PENDING");
        } finally {
            jdbc.sql("DROP TRIGGER poison_outbox").update();
        }

        clock.advance(Duration.ofSeconds(2)); // Connector/J keeps whole seconds on MariaDB (it reports 5.5.5-…)
        worker.pass();

        ContactValidated settled = awaitContact(poisoned);
        assertThat(settled.status()).isEqualTo(ContactStatus.VALID);
        assertThat(contactsOf(healthy)).hasSize(1);
        evolution.verify(1, postRequestedFor(urlEqualTo(CHECK_URL)).withRequestBody(
                matchingJsonPath("$.numbers[?(@ == '5543991110015')]")));
    }

    // --- helpers

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    Contacts contactTable;

    @Autowired
    LookupCache cache;

    @Autowired
    ContactValidation validation;

    @Autowired
    WhatsAppDirectory directory;

    @Autowired
    TransactionTemplate tx;

    /** A second check worker on its own clock, so the test decides when its contacts are due. */
    private PendingChecks worker(WhatsAppDirectory provider, Clock clock) {
        var checks = new PhoneValidatorProperties.Checks(20, 1000, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(15), CLAIM_TIMEOUT);
        return new PendingChecks(contactTable, cache, validation, provider, new CheckSignal(),
                new PhoneValidatorProperties("evolution", null, Duration.ofDays(30), checks), clock, new SimpleMeterRegistry());
    }

    /** PENDING contacts (tracking code → phone) due at {@code due}, all visible at once. */
    private void insertPending(Instant due, Map<String, String> phones) {
        tx.executeWithoutResult(status -> phones.forEach((code, phone) ->
                contactTable.insert(Contact.of(code, BrazilianPhoneNumbers.normalize(phone), false, 0), due)));
    }

    private String statusOf(String code) {
        return jdbc.sql("SELECT status FROM contact WHERE tracking_code = ?").param(code).query(String.class).single();
    }


    /** Delegates every call to another provider. */
    static class ForwardingDirectory implements WhatsAppDirectory {
        private final WhatsAppDirectory delegate;

        ForwardingDirectory(WhatsAppDirectory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public boolean canCheck() {
            return delegate.canCheck();
        }

        @Override
        public List<String> numbersToAsk(List<String> candidates) {
            return delegate.numbersToAsk(candidates);
        }

        @Override
        public List<NumberCheck> check(List<String> numbers) {
            return delegate.check(numbers);
        }
    }

    @Test
    void withEvolutionEachValidatedMobileCostsOneCheckWhicheverFormItsAccountHas() throws Exception {
        Map<String, String> mobiles = new LinkedHashMap<>();
        mobiles.put(newTrackingCode(), "5543991110021");
        mobiles.put(newTrackingCode(), "5543991110022");
        mobiles.put(newTrackingCode(), "5543991110023");
        stubAccounts("5543991110021", account("5543991110021"), "554391110021", null);
        stubAccounts("5543991110022", null, "554391110022", account("554391110022"));
        stubAccounts("5543991110023", null, "554391110023", null);
        double askedBefore = meters.counter("phone.provider.numbers", "provider", "evolution").count();

        List<ContactValidated> validated = new java.util.ArrayList<>();
        for (var mobile : mobiles.entrySet()) { // one at a time, so each is its own request
            register(mobile.getKey(), new Phone("43", mobile.getValue().substring(4)), null);
            validated.add(awaitContact(mobile.getKey()));
        }

        assertThat(validated).extracting(ContactValidated::status)
                .containsExactly(ContactStatus.VALID, ContactStatus.CORRECTED, ContactStatus.NO_WHATSAPP);
        assertThat(validated.get(1).whatsappId()).isEqualTo("554391110022");
        List<String> asked = evolution.findAll(postRequestedFor(urlEqualTo(CHECK_URL))).stream()
                .flatMap(request -> JsonMapper.builder().build().readTree(request.getBodyAsString()).get("numbers")
                        .valueStream().map(JsonNode::asString))
                .filter(number -> number.matches("55439?9111002[123]"))
                .toList();
        assertThat(asked).as("one check per mobile, its canonical form only")
                .containsExactlyInAnyOrder("5543991110021", "5543991110022", "5543991110023");
        assertThat(meters.counter("phone.provider.numbers", "provider", "evolution").count() - askedBefore)
                .isEqualTo(3);
    }

    @Test
    void aJidThatIsALidIsNeverTakenForThePhoneNumber() throws Exception {
        String code = newTrackingCode();
        evolution.stubFor(post(urlEqualTo(CHECK_URL)).withRequestBody(equalToJson("{\"numbers\": [\"5543991110024\"]}"))
                .willReturn(okJson("[{\"exists\": true, \"jid\": \"118392045127563@lid\", \"number\": \"5543991110024\"}]")));

        register(code, new Phone("43", "99111-0024"), null);

        ContactValidated contact = awaitContact(code);
        assertThat(contact.status()).isEqualTo(ContactStatus.VALID);
        assertThat(contact.whatsappId()).isEqualTo("5543991110024");
    }

    private void register(String code, Phone mobile, Phone landline) throws Exception {
        publisher.publish(TestParcels.registration(code, mobile, landline)).get(10, TimeUnit.SECONDS);
    }

    private ContactValidated awaitContact(String code) {
        return contacts.await(ContactValidated.class, c -> c.trackingCode().equals(code), 1, WAIT).getFirst();
    }

    private List<ContactValidated> contactsOf(String code) {
        return contacts.events(ContactValidated.class).stream().filter(c -> c.trackingCode().equals(code)).toList();
    }

    private int failedChecks(String code) {
        return jdbc.sql("SELECT attempts FROM contact WHERE tracking_code = ?").param(code)
                .query(Integer.class).optional().orElse(0);
    }

    private double cacheHits() {
        var counter = meters.find("phone.cache.lookups").tag("result", "hit").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Stubs the Evolution number check for exactly these numbers: pairs of (number, jid or null). */
    private static void stubAccounts(String... numberAndJid) {
        stubAccounts(false, numberAndJid);
    }

    /** As {@link #stubAccounts(String...)}, for a batch whose contacts (and so numbers) come in any order. */
    private static void stubBatch(String... numberAndJid) {
        stubAccounts(true, numberAndJid);
    }

    /**
     * Stubs Evolution's answer about the given (number, jid or null) pairs as Evolution gives it: a
     * mobile's two ninth-digit forms, given as consecutive pairs, are one number asked (the canonical
     * form), answered with the jid of whichever form has the account.
     */
    private static void stubAccounts(boolean anyOrder, String... numberAndJid) {
        List<String[]> asked = askedOnce(numberAndJid);
        StringBuilder numbers = new StringBuilder();
        for (String[] pair : asked) {
            numbers.append(numbers.isEmpty() ? "" : ", ").append('"').append(pair[0]).append('"');
        }
        evolution.stubFor(post(urlEqualTo(CHECK_URL))
                .withHeader("apikey", equalTo("test-apikey"))
                .withRequestBody(equalToJson("{\"numbers\": [" + numbers + "]}", anyOrder, false))
                .willReturn(okJson(answers(asked.stream().flatMap(pair -> java.util.Arrays.stream(pair))
                        .toArray(String[]::new)))));
    }

    /** The pairs with each mobile's other ninth-digit form folded into its canonical form. */
    private static List<String[]> askedOnce(String... numberAndJid) {
        List<String[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < numberAndJid.length; i += 2) {
            String number = numberAndJid[i];
            String jid = numberAndJid[i + 1];
            boolean otherForm = i + 2 < numberAndJid.length && number.length() == 13
                    && numberAndJid[i + 2].equals(number.substring(0, 4) + number.substring(5));
            if (otherForm) {
                jid = jid != null ? jid : numberAndJid[i + 3];
                i += 2;
            }
            out.add(new String[] {number, jid});
        }
        return out;
    }

    /** The Evolution answer: one {@code OnWhatsAppDto} per number. */
    private static String answers(String... numberAndJid) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < numberAndJid.length; i += 2) {
            String number = numberAndJid[i];
            String jid = numberAndJid[i + 1];
            json.append(i == 0 ? "" : ",")
                    .append("{\"exists\": ").append(jid != null)
                    .append(", \"jid\": \"").append(jid != null ? jid : number + "@s.whatsapp.net")
                    .append("\", \"number\": \"").append(number).append('"')
                    .append(jid != null ? ", \"name\": \"Maria\"" : "")
                    .append('}');
        }
        return json.append(']').toString();
    }

    private static String account(String id) {
        return id + "@s.whatsapp.net";
    }

    private static String newTrackingCode() {
        return TestParcels.newTrackingCode("PV");
    }
}
