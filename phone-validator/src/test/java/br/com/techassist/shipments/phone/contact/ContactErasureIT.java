package br.com.techassist.shipments.phone.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.PersonalDataErasureRequested.Reason;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.phone.PhoneValidatorProperties;
import br.com.techassist.shipments.phonenumbers.BrazilianPhoneNumbers;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.support.privacy.PersonalDataHolder;
import br.com.techassist.shipments.support.privacy.RetentionTask;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.MovableClock;
import br.com.techassist.shipments.testsupport.TestApiKeys;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure of a contact's personal data and the expiry of the lookup cache, on the real broker and
 * MySQL, with the service on a clock the test moves. The erasure is called as service-support's
 * privacy listener calls it ({@link PersonalDataHolder#erase}), the purge as its retention job does.
 * The service's own check worker never finds these contacts due (the clock stands still); the test
 * runs a second worker with a scripted provider when it wants a check.
 */
@IntegrationTest(properties = "phone.checks.per-minute=1000")
@AutoConfigureMockMvc
@Import(ContactErasureIT.StandingClock.class)
class ContactErasureIT {

    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-03-02T12:00:00Z"));
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> PERSONAL_COLUMNS =
            List.of("typed_input", "e164", "candidates", "typed_id", "whatsapp_id", "last_error");

    @TestConfiguration
    static class StandingClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired PersonalDataHolder holder;
    @Autowired List<RetentionTask> retentionTasks;
    @Autowired EventPublisher publisher;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired MeterRegistry meters;
    @Autowired Contacts contactTable;
    @Autowired LookupCache cache;
    @Autowired ContactValidation validation;
    @Autowired TransactionTemplate tx;

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
    void aSettledContactLosesEveryPersonalColumnAndItsCachedNumberOnceAndAReplayStoresNothing() throws Exception {
        String code = newTrackingCode();
        cache.store("5543991110041", "5543991110041", "evolution", CLOCK.instant());
        ShipmentRegistered registration = TestParcels.registration(code, new Phone("43", "99111-0041"), null);
        publisher.publish(registration).get(10, TimeUnit.SECONDS);
        ContactValidated validated = awaitContact(code);
        assertThat(validated.status()).isEqualTo(ContactStatus.VALID);
        assertThat(validated.input()).as("published masked").isEqualTo("(43) 9****-0041");
        assertThat(validated.e164()).isEqualTo("+5543991110041");
        assertThat(validated.whatsappId()).isEqualTo("5543991110041");
        awaitOutboxDrained(code);
        Map<String, Object> before = row(code);
        CLOCK.advance(Duration.ofHours(1));

        assertThat(holder.erase(code, Reason.REQUEST)).as("the contact and its cache row").isEqualTo(2);

        Map<String, Object> after = row(code);
        PERSONAL_COLUMNS.forEach(column -> assertThat(after.get(column)).as(column).isNull());
        assertThat(after.get("status")).isEqualTo("VALID");
        assertThat(after.get("created_at")).isEqualTo(before.get("created_at"));
        assertThat(((Timestamp) after.get("erased_at")).toInstant()).isEqualTo(CLOCK.instant());
        assertThat(cachedRows("5543991110041")).isZero();
        assertThat(holder.erase(code, Reason.RETENTION)).as("once").isZero();

        replay(registration);
        assertThat(row(code)).isEqualTo(after);
        assertThat(contactsOf(code)).hasSize(1);
        mvc.perform(get("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.e164").doesNotExist())
                .andExpect(jsonPath("$.input").doesNotExist())
                .andExpect(jsonPath("$.erasedAt").exists());
        mvc.perform(put("/api/contacts/{code}", code).header("Authorization", TestApiKeys.OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\": \"(43) 99111-0041\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(row(code)).isEqualTo(after);
    }

    @Test
    void aPendingCheckOfAnErasedContactIsStoppedNothingIsAskedAndNothingPublished() {
        String erased = newTrackingCode();
        String other = newTrackingCode();
        Instant due = CLOCK.instant().plus(Duration.ofDays(1));
        insertPending(due, Map.of(erased, "(43) 99111-0042", other, "(43) 99111-0043"));
        Contact failed = contactTable.find(erased).orElseThrow();
        contactTable.postponeAll(List.of(failed), c -> due, "provider failed on 5543991110042", CLOCK.instant());
        assertThat(row(erased).get("last_error")).isNotNull();

        assertThat(holder.erase(erased, Reason.REQUEST)).isEqualTo(1);

        Map<String, Object> after = row(erased);
        PERSONAL_COLUMNS.forEach(column -> assertThat(after.get(column)).as(column).isNull());
        assertThat(after.get("status")).isEqualTo(Contact.ERASED);
        assertThat(after.get("next_check_at")).isNull();
        var provider = new PendingChecksTest.ScriptedProvider();
        provider.accounts = Map.of("5543991110043", "5543991110043");
        worker(provider, due.plusSeconds(1)).pass();

        assertThat(provider.requests).singleElement().asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains("5543991110043").doesNotContain("5543991110042", "554391110042");
        assertThat(row(erased)).as("never settled").isEqualTo(after);
        assertThat(awaitContact(other).status()).isEqualTo(ContactStatus.VALID);
        awaitOutboxDrained(other);
        assertThat(contactsOf(erased)).as("it would have been published with the other one").isEmpty();
    }

    @Test
    void aCheckInFlightWhenTheContactIsErasedIsNeitherPublishedNorCached() {
        String erased = newTrackingCode();
        String other = newTrackingCode();
        Instant due = CLOCK.instant().plus(Duration.ofDays(2));
        insertPending(due, Map.of(erased, "(43) 99111-0044", other, "(43) 99111-0045"));
        var provider = new PendingChecksTest.ScriptedProvider() {
            @Override
            public List<NumberCheck> check(List<String> numbers) {
                holder.erase(erased, Reason.REQUEST);
                return super.check(numbers);
            }
        };
        provider.accounts = Map.of("5543991110044", "5543991110044", "5543991110045", "5543991110045");

        worker(provider, due.plusSeconds(1)).pass();

        Map<String, Object> after = row(erased);
        assertThat(after.get("event_id")).as("its answer was dropped, no event made").isNull();
        assertThat(after.get("status")).isEqualTo(Contact.ERASED);
        PERSONAL_COLUMNS.forEach(column -> assertThat(after.get(column)).as(column).isNull());
        assertThat(awaitContact(other).status()).isEqualTo(ContactStatus.VALID);
        awaitOutboxDrained(other);
        assertThat(contactsOf(erased)).isEmpty();
        assertThat(cachedRows("5543991110045")).isEqualTo(1);
        assertThat(cachedRows("5543991110044")).as("the erased number is not cached again").isZero();
    }

    @Test
    void anErasureBeforeTheRegistrationIsRememberedAndThePhoneIsNeverStored() throws Exception {
        String code = newTrackingCode();

        assertThat(holder.erase(code, Reason.REQUEST)).as("nothing held yet").isZero();
        Map<String, Object> placeholder = row(code);
        assertThat(placeholder.get("status")).isEqualTo(Contact.ERASED);
        assertThat(placeholder.get("erased_at")).isNotNull();

        replay(TestParcels.registration(code, new Phone("43", "99111-0046"), null));

        assertThat(row(code)).isEqualTo(placeholder);
        assertThat(contactsOf(code)).isEmpty();
        assertThat(holder.erase(code, Reason.REQUEST)).isZero();
    }

    @Test
    void theOldestHeldDataIsTheOldestContactNotErasedYet() {
        String code = newTrackingCode();
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
        tx.executeWithoutResult(status -> {
            contactTable.insert(Contact.of(code, BrazilianPhoneNumbers.normalize("(43) 99111-0047"), false, 0), longAgo);
            assertThat(holder.oldestHeld()).contains(longAgo);

            holder.erase(code, Reason.REQUEST);

            assertThat(holder.oldestHeld()).isNotEqualTo(Optional.of(longAgo));
            status.setRollbackOnly(); // never visible to the check worker
        });
    }

    @Test
    void expiredLookupsArePurgedInBatchesAndFreshOnesKept() {
        Instant now = CLOCK.instant();
        Duration ttl = Duration.ofDays(30);
        List<String> expired = List.of("5543991110051", "5543991110052", "5543991110053");
        expired.forEach(n -> cache.store(n, n, "evolution", now.minus(ttl).minus(Duration.ofDays(1))));
        cache.store("5543991110054", null, "evolution", now.minus(ttl)); // expires exactly now
        cache.store("5543991110055", "5543991110055", "evolution", now.minus(ttl).plusSeconds(1));
        RetentionTask task = retentionTasks.stream().filter(t -> t.name().equals("whatsapp_lookup")).findFirst()
                .orElseThrow();

        assertThat(task.purge(now, 2)).as("at most the limit").isEqualTo(2);
        int rest;
        do {
            rest = task.purge(now, 2);
        } while (rest == 2);

        expired.forEach(n -> assertThat(cachedRows(n)).as(n).isZero());
        assertThat(cachedRows("5543991110054")).isZero();
        assertThat(cachedRows("5543991110055")).as("fresh").isEqualTo(1);
        assertThat(cache.peek("5543991110055", now)).isPresent();
        assertThat(task.purge(now, 2)).isZero();
    }

    // --- helpers

    /** Publishes a registration again and waits until the service took it for a repeat. */
    private void replay(ShipmentRegistered registration) throws Exception {
        double before = meters.counter("phone.registrations", "outcome", "duplicate").count();
        publisher.publish(registration).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> meters.counter("phone.registrations", "outcome", "duplicate").count() > before);
    }

    private PendingChecks worker(PendingChecksTest.ScriptedProvider provider, Instant at) {
        var checks = new PhoneValidatorProperties.Checks(20, 1000, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofSeconds(30));
        return new PendingChecks(contactTable, cache, validation, provider, new CheckSignal(),
                new PhoneValidatorProperties("evolution", null, Duration.ofDays(30), checks), new MovableClock(at),
                new SimpleMeterRegistry());
    }

    private void insertPending(Instant due, Map<String, String> phones) {
        tx.executeWithoutResult(status -> phones.forEach((code, phone) ->
                contactTable.insert(Contact.of(code, BrazilianPhoneNumbers.normalize(phone), false, 0), due)));
    }

    private Map<String, Object> row(String code) {
        return jdbc.sql("SELECT * FROM contact WHERE tracking_code = ?").param(code).query().singleRow();
    }

    private int cachedRows(String number) {
        return jdbc.sql("SELECT COUNT(*) FROM whatsapp_lookup WHERE e164 = ?").param(number).query(Integer.class).single();
    }

    private void awaitOutboxDrained(String code) {
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE message_key = ?").param(code)
                .query(Integer.class).single() == 0);
    }

    private ContactValidated awaitContact(String code) {
        return contacts.await(ContactValidated.class, c -> c.trackingCode().equals(code), 1, WAIT).getFirst();
    }

    private List<ContactValidated> contactsOf(String code) {
        return contacts.events(ContactValidated.class).stream().filter(c -> c.trackingCode().equals(code)).toList();
    }

    private static String newTrackingCode() {
        return TestParcels.newTrackingCode("PE");
    }
}
