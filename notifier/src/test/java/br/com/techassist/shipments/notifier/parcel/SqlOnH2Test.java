package br.com.techassist.shipments.notifier.parcel;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.notification.OptOuts;
import br.com.techassist.shipments.support.privacy.PersonalDataKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The notifier's changelog and SQL on H2 in MySQL mode, as the standalone app runs them (the
 * integration tests cover MySQL/MariaDB).
 */
class SqlOnH2Test {

    private final Instant now = Instant.parse("2026-11-27T15:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private JdbcClient jdbc;

    @BeforeEach
    void schema() throws Exception {
        var ds = new DriverManagerDataSource(br.com.techassist.shipments.support.H2Database.memoryUrl("h2" + UUID.randomUUID().toString().replace("-", "")), "sa", "");
        var liquibase = new SpringLiquibase();
        liquibase.setDataSource(ds);
        liquibase.setChangeLog("classpath:db/changelog/notifier.changelog-master.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
        jdbc = JdbcClient.create(ds);
    }

    @Test
    void parcelsNotificationsAndOptOutsWork() {
        var parcels = new Parcels(jdbc, clock);
        var notifications = new Notifications(jdbc, clock);
        var optOuts = new OptOuts(jdbc, clock, new PersonalDataKeys("test-key"));
        String code = "DG049186226BR";

        Parcel created = parcels.lockOrCreate(code);
        assertThat(parcels.lockOrCreate(code)).isEqualTo(created);
        Parcel full = created.withContact(ContactStatus.VALID, now, "+5568999990001", "5568999990001")
                .withRecipient("Maria", "Notebook")
                .withOrigin("Sao Paulo", "SP", true, now)
                .withShippedEventAt(now)
                .withArrival(Milestone.AWAITING_PICKUP, "Xapuri", "AC", "Rua A, 1", now);
        parcels.save(full);
        assertThat(parcels.find(code)).contains(full);

        assertThat(notifications.insertIfAbsent(code, NotificationKind.SHIPPED, NotificationState.PENDING, null, now)).isTrue();
        assertThat(notifications.insertIfAbsent(code, NotificationKind.SHIPPED, NotificationState.PENDING, null, now)).isFalse();
        String id = Notification.idFor(code, NotificationKind.SHIPPED);
        assertThat(notifications.due(now, 10)).extracting(Notification::id).containsExactly(id);
        assertThat(notifications.claim(id, "cloud-api", "5568999990001", "test")).isTrue();
        assertThat(notifications.claim(id, "cloud-api", "5568999990001", "test")).isFalse();
        assertThat(notifications.sendingFor(code)).isTrue();
        assertThat(notifications.claimedBefore(now.plusSeconds(1))).containsExactly(id);
        notifications.retryAt(id, now.plusSeconds(60), "429", "130429", false);
        assertThat(notifications.lock(id).orElseThrow().attempts()).isZero();
        notifications.markSent(id, "wamid.1", "556899990001");
        notifications.recordDelivery(id, "READ", "wamid.other", null);
        Notification sent = notifications.findByProviderMessageId("wamid.1").orElseThrow();
        assertThat(sent.state()).isEqualTo(NotificationState.SENT);
        assertThat(sent.deliveryStatus()).isEqualTo("READ");
        assertThat(notifications.count(NotificationState.SENT)).isEqualTo(1);

        assertThat(optOuts.record("556899990001", "SAIR")).isTrue();
        assertThat(optOuts.record("5568999990001", "PARAR")).isFalse();
        assertThat(optOuts.isOptedOut("+55 68 99999-0001")).isTrue();
    }

    @Test
    void batchClaimSqlWorks() {
        var parcels = new Parcels(jdbc, clock);
        var notifications = new Notifications(jdbc, clock);
        var optOuts = new OptOuts(jdbc, clock, new PersonalDataKeys("test-key"));
        List<String> codes = List.of("DG049186226BR", "DG049186230BR");
        for (String code : codes) {
            parcels.lockOrCreate(code);
            notifications.insertIfAbsent(code, NotificationKind.SHIPPED, NotificationState.PENDING, null, now);
        }
        List<String> ids = codes.stream().map(c -> Notification.idFor(c, NotificationKind.SHIPPED)).toList();

        assertThat(parcels.lockAll(codes)).containsOnlyKeys(codes);
        assertThat(notifications.lockAll(ids)).extracting(Notification::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(notifications.ofParcels(codes)).hasSize(2);
        assertThat(notifications.claimAll(Map.of(ids.get(0), "5568999990001", ids.get(1), "5511988887777"),
                Map.of(ids.get(0), "d0", ids.get(1), "d1"), "cloud-api", "test")).isEqualTo(2);
        assertThat(notifications.findById(ids.get(1)).orElseThrow().recipient()).isEqualTo("5511988887777");
        assertThat(notifications.findById(ids.get(1)).orElseThrow().messageDigest()).isEqualTo("d1");
        assertThat(notifications.release(ids)).isEqualTo(2);
        assertThat(notifications.findById(ids.get(0)).orElseThrow().attempts()).isZero();
        notifications.markAllSent(Map.of(ids.get(0), new Notifications.Sent("wamid.A", "556899990001"),
                ids.get(1), new Notifications.Sent("wamid.B", null)));
        assertThat(notifications.findById(ids.get(0)).orElseThrow().waId()).isEqualTo("556899990001");
        Notification second = notifications.findById(ids.get(1)).orElseThrow();
        assertThat(second.state()).isEqualTo(NotificationState.SENT);
        assertThat(second.providerMessageId()).isEqualTo("wamid.B");
        assertThat(second.waId()).isNull();
        optOuts.record("556899990001", "SAIR");
        assertThat(optOuts.optedOut(List.of("5568999990001", "5511988887777"))).containsExactly("5568999990001");
    }

    @Test
    void personalDataSqlWorks() {
        var parcels = new Parcels(jdbc, clock);
        var notifications = new Notifications(jdbc, clock);
        var optOuts = new OptOuts(jdbc, clock, new PersonalDataKeys("test-key"));
        String code = "DG049186226BR";
        parcels.save(parcels.lockOrCreate(code).withContact(ContactStatus.VALID, now, "+5568999990001", "5568999990001")
                .withRecipient("Maria", "Notebook"));
        notifications.insertIfAbsent(code, NotificationKind.SHIPPED, NotificationState.PENDING, null, now);
        String id = Notification.idFor(code, NotificationKind.SHIPPED);
        notifications.claim(id, "cloud-api", "5568999990001", "test");
        notifications.markUncertain(id, "timeout", now);
        assertThat(parcels.oldestHoldingPersonalData()).contains(now);

        assertThat(parcels.erase(code)).isTrue();
        assertThat(parcels.erase(code)).isFalse();
        assertThat(notifications.erasePersonalData(id)).isTrue();
        assertThat(notifications.suppressErased(id)).isTrue();
        assertThat(notifications.suppressErased(id)).isFalse();
        notifications.markSent(id, "wamid.1", "5568999990001");
        Notification erased = notifications.findById(id).orElseThrow();
        assertThat(erased.recipientErased()).isTrue();
        assertThat(erased.waId()).isNull();
        assertThat(parcels.find(code).orElseThrow().erasedAt()).isEqualTo(now);
        assertThat(parcels.oldestHoldingPersonalData()).isEmpty();
        assertThat(parcels.erase("DG049186230BR")).as("unknown parcel: a placeholder").isTrue();

        jdbc.sql("INSERT INTO opt_out (phone_key, keyword, created_at) VALUES ('556899990001', 'SAIR', ?)")
                .param(java.sql.Timestamp.from(now)).update();
        assertThat(optOuts.rehashLegacyKeys()).isEqualTo(1);
        assertThat(optOuts.rehashLegacyKeys()).isZero();
        assertThat(optOuts.isOptedOut("5568999990001")).isTrue();
    }
}
