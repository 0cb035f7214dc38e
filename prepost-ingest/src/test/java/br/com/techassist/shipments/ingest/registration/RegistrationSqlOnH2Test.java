package br.com.techassist.shipments.ingest.registration;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.ingest.H2Schema;
import br.com.techassist.shipments.model.ContentItem;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.Recipient;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.support.outbox.Outbox;
import br.com.techassist.shipments.support.outbox.OutboxProperties;
import br.com.techassist.shipments.support.outbox.OutboxRelay;
import br.com.techassist.shipments.support.privacy.PersonalDataKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The registration and erasure-index SQL on H2 in MySQL mode, as the standalone app runs it (the ITs cover MySQL). */
class RegistrationSqlOnH2Test {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.UTC);

    private final PersonalDataKeys keys = new PersonalDataKeys("h2-test-key");
    private PersonalDataIndex index;
    private Registrations registrations;

    @BeforeEach
    void database() throws Exception {
        var dataSource = H2Schema.migrated();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // the relay is never started: the events stay in outbox_event
        var relay = new OutboxRelay(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new EventPublisher(null), new OutboxProperties(false, Duration.ofSeconds(1), 10, Duration.ofSeconds(1),
                        Duration.ofSeconds(1)), new SimpleMeterRegistry());
        index = new PersonalDataIndex(jdbc, keys);
        registrations = new Registrations(jdbc, new Outbox(jdbc, relay), index);
    }

    @Test
    void aRegistrationIsIndexedFoundByAnyIdentifierAndErasedForGood() {
        ShipmentRegistered event = event("DG049186226BR", "Maria da Silva", "99999-0021", "maria@example.com");
        ShipmentRegistered other = event("DG049186230BR", "Joana Prado", "99999-0022", null);

        assertThat(registrations.registerAll(List.of(event, other), Map.of("DG049186226BR", "529.982.247-25")))
                .containsEntry("DG049186226BR", Registrations.Result.NEW);
        assertThat(index.codesOf(List.of(keys.phone("+55 43 9999-0021").orElseThrow()))).containsExactly("DG049186226BR");
        assertThat(index.codesOf(List.of(keys.document("52998224725").orElseThrow(),
                keys.phone("43999990022").orElseThrow()))).containsExactly("DG049186226BR", "DG049186230BR");
        assertThat(index.oldest()).contains(AT.toInstant());
        assertThat(registrations.oldestWithRecipient()).contains(AT.toInstant());

        assertThat(index.forget("DG049186226BR")).isEqualTo(3);
        assertThat(registrations.erase("DG049186226BR", Instant.now())).isOne();
        assertThat(registrations.erase("DG049186226BR", Instant.now())).isZero();
        assertThat(registrations.isErased("DG049186226BR")).isTrue();
        assertThat(registrations.register(event)).isEqualTo(Registrations.Result.ERASED);
        assertThat(registrations.erase("DG049186243BR", Instant.now())).as("never registered: remembered").isOne();
        assertThat(registrations.registerAll(List.of(event("DG049186243BR", "Ana", "99999-0023", null))))
                .containsEntry("DG049186243BR", Registrations.Result.ERASED);
        assertThat(registrations.erase("DG049186243BR", Instant.now())).isZero();
        assertThat(index.oldest()).as("the other registration's keys").contains(AT.toInstant());
        index.forget("DG049186230BR");
        assertThat(index.oldest()).isEmpty();
    }

    private static ShipmentRegistered event(String code, String name, String mobile, @Nullable String email) {
        return new ShipmentRegistered(ShipmentRegistered.idFor(code), AT, code, ShipmentRegistered.Source.MANUAL, null,
                null, null, new Recipient(name, new Phone("43", mobile), null, email, null),
                List.of(new ContentItem("TV", 1, null)), null, null);
    }
}
