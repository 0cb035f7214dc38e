package br.com.techassist.shipments.phone.contact;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.phone.PhoneValidatorProperties;
import br.com.techassist.shipments.phonenumbers.BrazilianPhoneNumbers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The standalone app runs on H2 in MySQL mode: the changelog and every statement of the contact
 * queue and the lookup cache must work there too (integration tests cover MySQL/MariaDB).
 */
class H2CompatibilityTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private Contacts contacts;
    private LookupCache cache;

    @BeforeEach
    void schema() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(H2Schema.migrated());
        contacts = new Contacts(jdbc);
        var props = new PhoneValidatorProperties("sandbox", null, Duration.ofDays(30), null);
        cache = new LookupCache(jdbc, props, new SimpleMeterRegistry());
    }

    @Test
    void aPendingContactIsClaimedPostponedCorrectedAndSettled() {
        Contact contact = Contact.of("PV123456785BR", BrazilianPhoneNumbers.normalize("(43) 99999-0021"), false, 0);
        contacts.insert(contact, NOW);

        var claimed = contacts.claimDue(NOW, 10, NOW.plusSeconds(60));
        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.candidates()).containsExactly("5543999990021", "554399990021");
            assertThat(c.phoneType()).isEqualTo(PhoneType.MOBILE);
        });
        assertThat(contacts.claimDue(NOW, 10, NOW.plusSeconds(60))).as("leased").isEmpty();

        contacts.postponeAll(claimed, c -> NOW.plusSeconds(30), "provider answered 503", NOW);
        assertThat(contacts.claimDue(NOW.plusSeconds(10), 10, NOW.plusSeconds(70))).isEmpty();
        assertThat(contacts.find("PV123456785BR").orElseThrow().attempts()).isEqualTo(1);

        Contact corrected = Contact.of("PV123456785BR", BrazilianPhoneNumbers.normalize("(43) 3322-0021"), true, 1);
        contacts.replacePhone(corrected, NOW.plusSeconds(40));
        assertThat(contacts.settleAll(List.of(new Contacts.Outcome(claimed.getFirst(), "VALID", "5543999990021", "e1")), NOW))
                .as("stale answer").containsExactly(false);

        Contact due = contacts.claimDue(NOW.plusSeconds(40), 10, NOW.plusSeconds(100)).getFirst();
        assertThat(due.freshCheck()).isTrue();
        assertThat(contacts.settleAll(List.of(new Contacts.Outcome(due, "VALID", "554333220021", UUID.randomUUID().toString())),
                NOW)).containsExactly(true);
        assertThat(contacts.find("PV123456785BR").orElseThrow().status()).isEqualTo("VALID");
        assertThat(contacts.countPending()).isZero();
    }

    @Test
    void aBatchIsClaimedOldestFirstUpToTheLimitAndGivenBack() {
        contacts.insert(Contact.of("PV000000015BR", BrazilianPhoneNumbers.normalize("(43) 99999-0021"), false, 0), NOW);
        contacts.insert(Contact.of("PV000000023BR", BrazilianPhoneNumbers.normalize("(43) 99999-0022"), false, 0), NOW);
        contacts.insert(Contact.of("PV000000031BR", BrazilianPhoneNumbers.normalize("(43) 99999-0023"), false, 0), NOW);

        List<Contact> first = contacts.claimDue(NOW, 2, NOW.plusSeconds(60));
        assertThat(first).hasSize(2);
        assertThat(contacts.claimDue(NOW, 2, NOW.plusSeconds(60))).hasSize(1);
        assertThat(contacts.claimDue(NOW, 2, NOW.plusSeconds(60))).isEmpty();

        contacts.releaseAll(first);
        assertThat(contacts.claimDue(NOW, 5, NOW.plusSeconds(60))).extracting(Contact::trackingCode)
                .containsExactlyInAnyOrderElementsOf(first.stream().map(Contact::trackingCode).toList());
        assertThat(contacts.claimDue(NOW.plusSeconds(61), 5, NOW.plusSeconds(120))).as("lease over").hasSize(3);
    }

    @Test
    void answersOfABatchAreCachedAndFoundInOneQuery() {
        cache.store("5543999990021", "5543999990021", "evolution", NOW.minusSeconds(60));
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("5543999990021", "554399990021");
        answers.put("5511987654321", null);

        cache.storeAll(answers, "evolution", NOW);

        assertThat(cache.peekAll(List.of("5543999990021", "5511987654321", "5521988880022"), NOW)).containsOnly(
                Map.entry("5543999990021", new LookupCache.Lookup("554399990021", "evolution", NOW)),
                Map.entry("5511987654321", new LookupCache.Lookup(null, "evolution", NOW)));
        assertThat(cache.peekAll(List.of("5543999990021"), NOW.plus(Duration.ofDays(31)))).isEmpty();
    }

    @Test
    void cachedAnswersAreFoundUntilTheyExpireAndCanBeRefreshed() {
        cache.store("5543999990021", "554399990021", "evolution", NOW);
        cache.store("5511987654321", null, "evolution", NOW);

        assertThat(cache.find("5543999990021", NOW.plus(Duration.ofDays(29)))).get()
                .extracting(LookupCache.Lookup::whatsappId).isEqualTo("554399990021");
        assertThat(cache.find("5511987654321", NOW)).get().extracting(LookupCache.Lookup::whatsappId).isNull();
        assertThat(cache.peek("5543999990021", NOW.plus(Duration.ofDays(31)))).isEmpty();

        cache.store("5543999990021", "5543999990021", "evolution", NOW.plus(Duration.ofDays(31)));
        assertThat(cache.find("5543999990021", NOW.plus(Duration.ofDays(32)))).get()
                .extracting(LookupCache.Lookup::whatsappId).isEqualTo("5543999990021");
    }

    @Test
    void aContactIsErasedOnceAnUnknownOneRememberedAndOnlyHeldNumbersCached() {
        contacts.insert(Contact.of("PV123456785BR", BrazilianPhoneNumbers.normalize("(43) 99999-0021"), false, 0), NOW);
        assertThat(contacts.oldestHeld()).contains(NOW);
        assertThat(contacts.lockForErasure("PV123456785BR")).contains(new Contacts.Held("5543999990021", false));

        assertThat(contacts.erase("PV123456785BR", NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(contacts.erase("PV123456785BR", NOW.plusSeconds(2))).isZero();
        Contact erased = contacts.find("PV123456785BR").orElseThrow();
        assertThat(erased.input()).isNull();
        assertThat(erased.e164()).isNull();
        assertThat(erased.status()).isEqualTo(Contact.ERASED);
        assertThat(erased.erasedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(contacts.claimDue(NOW.plusSeconds(10), 10, NOW.plusSeconds(60))).isEmpty();
        assertThat(contacts.oldestHeld()).isEmpty();
        assertThat(contacts.insertErased("PV000000015BR", NOW)).isTrue();
        assertThat(contacts.insertErased("PV000000015BR", NOW)).isFalse();
        assertThat(contacts.lockForErasure("PV000000015BR")).contains(new Contacts.Held(null, true));

        contacts.insert(Contact.of("PV000000023BR", BrazilianPhoneNumbers.normalize("(21) 98888-0022"), false, 0), NOW);
        cache.storeAllHeld(Map.of("5543999990021", "5543999990021", "5521988880022", "5521988880022"),
                List.of("PV123456785BR", "PV000000023BR"), "evolution", NOW);
        assertThat(cache.peek("5543999990021", NOW)).as("erased meanwhile").isEmpty();
        assertThat(cache.peek("5521988880022", NOW)).isPresent();
        assertThat(cache.forget("5521988880022")).isEqualTo(1);
    }

    @Test
    void expiredAnswersArePurgedInBatches() {
        cache.store("5543999990021", "554399990021", "evolution", NOW.minus(Duration.ofDays(31)));
        cache.store("5543999990022", "554399990022", "evolution", NOW.minus(Duration.ofDays(30)));
        cache.store("5543999990023", "554399990023", "evolution", NOW.minus(Duration.ofDays(29)));

        assertThat(cache.purgeExpired(NOW, 1)).isEqualTo(1);
        assertThat(cache.purgeExpired(NOW, 10)).isEqualTo(1);
        assertThat(cache.purgeExpired(NOW, 10)).isZero();
        assertThat(cache.peek("5543999990023", NOW)).isPresent();
    }
}
