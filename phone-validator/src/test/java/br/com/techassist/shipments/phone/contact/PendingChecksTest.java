package br.com.techassist.shipments.phone.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.phone.PhoneValidatorProperties;
import br.com.techassist.shipments.phone.contact.ContactValidation.Settlement;
import br.com.techassist.shipments.phonenumbers.BrazilianPhoneNumbers;
import br.com.techassist.shipments.phone.whatsapp.ProviderUnavailableException;
import br.com.techassist.shipments.phone.whatsapp.WhatsAppDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The check worker on a real (H2) contact table with a scripted provider: batching, the per-minute
 * cap, and failures that keep contacts pending. Settling is {@link ContactValidation}'s job, verified
 * here as the batch handed to it; the whole path runs in {@code ContactValidationIT}.
 */
class PendingChecksTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ScriptedProvider provider = new ScriptedProvider();
    private final ContactValidation validation = mock(ContactValidation.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JdbcTemplate jdbc;
    private Contacts contacts;
    private LookupCache cache;

    @BeforeEach
    void schema() throws Exception {
        jdbc = new JdbcTemplate(H2Schema.migrated());
        contacts = new Contacts(jdbc);
        cache = new LookupCache(jdbc, props(20, 1000), meters);
    }

    @Test
    void dueContactsAreCheckedInOneRequestAndTheAnswersCached() {
        pending("PV000000015BR", "(43) 99999-0021");
        pending("PV000000023BR", "(21) 98888-0022");
        pending("PV000000031BR", "(43) 3322-0023");
        provider.accounts = Map.of("554399990021", "554399990021", "5521988880022", "5521988880022",
                "554333220023", "554333220023");

        worker(20, 1000).pass();

        assertThat(provider.requests).containsExactly(List.of("5543999990021", "554399990021", "5521988880022",
                "552188880022", "554333220023"));
        assertThat(settledBatch()).as("one batch").containsExactly(
                tuple("PV000000015BR", ContactStatus.CORRECTED, "554399990021", NOW),
                tuple("PV000000023BR", ContactStatus.VALID, "5521988880022", NOW),
                tuple("PV000000031BR", ContactStatus.VALID, "554333220023", NOW));
        assertThat(cache.peek("5543999990021", NOW)).get().extracting(LookupCache.Lookup::whatsappId).isEqualTo("554399990021");
        assertThat(meters.timer("phone.provider.checks", "provider", "scripted", "outcome", "success").count()).isEqualTo(1);
    }

    @Test
    void twoParcelsOfTheSameNumberAreAskedOnce() {
        pending("PV000000015BR", "(43) 99999-0021");
        pending("PV000000023BR", "43 9999-0021");

        worker(20, 1000).pass();

        assertThat(provider.requests).containsExactly(List.of("5543999990021", "554399990021"));
        assertThat(settledBatch()).containsExactly(
                tuple("PV000000015BR", ContactStatus.NO_WHATSAPP, null, NOW),
                tuple("PV000000023BR", ContactStatus.NO_WHATSAPP, null, NOW));
    }

    @Test
    void numbersBeyondThePerMinuteCapWaitPendingForTheNextMinute() {
        pending("PV000000015BR", "(43) 99999-0021");
        pending("PV000000023BR", "(43) 99999-0022");
        pending("PV000000031BR", "(43) 99999-0023");

        worker(20, 5).pass();

        assertThat(provider.requests).hasSize(1);
        assertThat(provider.requests.getFirst()).hasSize(4);
        assertThat(contacts.countPending()).isEqualTo(3);
        assertThat(contacts.claimDue(NOW, 20, NOW.plusSeconds(60))).as("the waiting one is not leased")
                .extracting(Contact::trackingCode).containsExactly("PV000000031BR");
    }

    @Test
    void aFailedCheckKeepsTheContactsPendingForLaterAndCachesNothing() {
        pending("PV000000015BR", "(43) 99999-0021");
        provider.failure = new ProviderUnavailableException("server_error", "scripted answered 503", null);

        worker(20, 1000).pass();

        verify(validation, never()).completeAll(any());
        Contact contact = contacts.find("PV000000015BR").orElseThrow();
        assertThat(contact.status()).isEqualTo(Contact.PENDING);
        assertThat(contact.attempts()).isEqualTo(1);
        assertThat(contact.lastError()).isEqualTo("scripted answered 503");
        assertThat(contacts.claimDue(NOW.plusSeconds(29), 20, NOW.plusSeconds(90))).isEmpty();
        assertThat(contacts.claimDue(NOW.plusSeconds(30), 20, NOW.plusSeconds(90))).hasSize(1);
        assertThat(cache.peek("5543999990021", NOW)).isEmpty();
        assertThat(meters.timer("phone.provider.checks", "provider", "scripted", "outcome", "server_error").count()).isEqualTo(1);
    }

    @Test
    void aNumberAlreadyCachedIsSettledFromTheCacheWithoutARequest() {
        cache.store("5543999990021", "5543999990021", "scripted", NOW.minusSeconds(5));
        pending("PV000000015BR", "(43) 99999-0021");

        worker(20, 1000).pass();

        assertThat(provider.requests).isEmpty();
        assertThat(settledBatch()).containsExactly(
                tuple("PV000000015BR", ContactStatus.VALID, "5543999990021", NOW.minusSeconds(5)));
    }

    @Test
    void cacheHitsAndProviderAnswersAreSettledTogetherInOneBatch() {
        cache.store("5543999990021", "554399990021", "scripted", NOW.minusSeconds(5));
        pending("PV000000015BR", "(43) 99999-0021");
        pending("PV000000023BR", "(21) 98888-0022");
        Contact corrected = Contact.of("PV000000031BR", BrazilianPhoneNumbers.normalize("(43) 99999-0021"), true, 1);
        contacts.insert(corrected, NOW);
        provider.accounts = Map.of("5521988880022", "5521988880022", "5543999990021", "5543999990021");

        worker(20, 1000).pass();

        assertThat(provider.requests).as("the corrected one is asked afresh despite the cache").containsExactly(
                List.of("5521988880022", "552188880022", "5543999990021", "554399990021"));
        assertThat(settledBatch()).containsExactlyInAnyOrder(
                tuple("PV000000015BR", ContactStatus.CORRECTED, "554399990021", NOW.minusSeconds(5)),
                tuple("PV000000023BR", ContactStatus.VALID, "5521988880022", NOW),
                tuple("PV000000031BR", ContactStatus.VALID, "5543999990021", NOW));
        assertThat(cache.peek("5543999990021", NOW)).get().extracting(LookupCache.Lookup::whatsappId)
                .as("refreshed by the fresh check").isEqualTo("5543999990021");
    }

    @Test
    void whenTheBatchCannotBeSettledEachContactIsTriedAloneAndAFailingOneStaysPendingUntilItsClaimExpires() {
        pending("PV000000015BR", "(43) 99999-0021");
        pending("PV000000023BR", "(21) 98888-0022");
        doThrow(new DataIntegrityViolationException("batch")).when(validation).completeAll(argThat(batch -> batch.size() > 1));
        doThrow(new DataIntegrityViolationException("poison")).when(validation)
                .completeAll(argThat(batch -> batch.size() == 1 && batch.getFirst().contact().trackingCode().equals("PV000000015BR")));

        worker(20, 1000).pass();

        verify(validation, times(3)).completeAll(any());
        assertThat(contacts.find("PV000000015BR").orElseThrow().status()).isEqualTo(Contact.PENDING);
        assertThat(contacts.claimDue(NOW.plusSeconds(119), 20, NOW.plusSeconds(300))).as("still claimed").isEmpty();
        assertThat(contacts.claimDue(NOW.plusSeconds(121), 20, NOW.plusSeconds(300))).as("its claim expired")
                .extracting(Contact::trackingCode).contains("PV000000015BR");
    }

    @Test
    void aRateLimitedCheckWaitsAsLongAsTheProviderAsked() {
        pending("PV000000015BR", "(43) 99999-0021");
        provider.failure = new ProviderUnavailableException("rate_limited", "scripted is rate limiting the checks (429)",
                null, Duration.ofSeconds(90));

        worker(20, 1000).pass();

        assertThat(contacts.claimDue(NOW.plusSeconds(89), 20, NOW.plusSeconds(200))).isEmpty();
        assertThat(contacts.claimDue(NOW.plusSeconds(90), 20, NOW.plusSeconds(200))).hasSize(1);
        assertThat(meters.timer("phone.provider.checks", "provider", "scripted", "outcome", "rate_limited").count()).isEqualTo(1);
    }

    /** The settlements of the single batch handed to {@link ContactValidation#completeAll}. */
    @SuppressWarnings("unchecked")
    private List<Tuple> settledBatch() {
        ArgumentCaptor<List<Settlement>> batch = ArgumentCaptor.forClass(List.class);
        verify(validation).completeAll(batch.capture());
        return batch.getValue().stream()
                .map(s -> tuple(s.contact().trackingCode(), s.status(), s.whatsappId(), s.checkedAt())).toList();
    }

    private void pending(String trackingCode, String phone) {
        contacts.insert(Contact.of(trackingCode, BrazilianPhoneNumbers.normalize(phone), false, 0), NOW);
    }

    private PendingChecks worker(int batchSize, int perMinute) {
        return new PendingChecks(contacts, cache, validation, provider, new CheckSignal(), props(batchSize, perMinute),
                clock, meters);
    }

    private static PhoneValidatorProperties props(int batchSize, int perMinute) {
        return new PhoneValidatorProperties("evolution", null, Duration.ofDays(30),
                new PhoneValidatorProperties.Checks(batchSize, perMinute, Duration.ofSeconds(2), Duration.ofSeconds(30),
                        Duration.ofMinutes(15), Duration.ofMinutes(2)));
    }

    /** Answers from a fixed set of accounts (number asked → id), or fails. */
    static class ScriptedProvider implements WhatsAppDirectory {
        final List<List<String>> requests = new ArrayList<>();
        Map<String, String> accounts = Map.of();
        ProviderUnavailableException failure;

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public boolean canCheck() {
            return true;
        }

        @Override
        public List<NumberCheck> check(List<String> numbers) {
            requests.add(List.copyOf(numbers));
            if (failure != null) {
                throw failure;
            }
            return numbers.stream().map(n -> new NumberCheck(n, accounts.get(n))).toList();
        }
    }
}
