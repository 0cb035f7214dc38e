package br.com.techassist.shipments.notifier;

import static org.awaitility.Awaitility.await;

import br.com.techassist.shipments.model.Address;
import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.model.ContentItem;
import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.Recipient;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.ShipmentStatusChanged;
import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.model.Unit;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.notifier.parcel.Parcel;
import br.com.techassist.shipments.notifier.parcel.Parcels;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the notifier integration tests: the real broker and MySQL, the fake Cloud API, a clock
 * the test controls (set to 12:00 in Brasília before each test). Every test uses its own tracking
 * codes and phone numbers.
 */
@IntegrationTest
@TestPropertySource("classpath:notifier-it.properties")
@Import(TestClock.Configuration.class)
@AutoConfigureMockMvc
public abstract class NotifierITSupport {

    static final Instant NOON_IN_BRASILIA = Instant.parse("2026-11-27T15:00:00Z");
    protected static final Duration WAIT = Duration.ofSeconds(30);
    static final WireMockServer whatsapp = SharedWhatsApp.server();

    @Autowired
    EventPublisher publisher;

    @Autowired
    protected Notifications notifications;

    @Autowired
    Parcels parcels;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void fakeProvider(DynamicPropertyRegistry registry) {
        registry.add("notifier.whatsapp.base-url", whatsapp::baseUrl);
    }

    @BeforeEach
    void noonInBrasilia() {
        TestClock.INSTANCE.set(NOON_IN_BRASILIA);
    }

    protected static TestClock clock() {
        return TestClock.INSTANCE;
    }

    /** A fresh valid tracking code. */
    protected static String newTrackingCode() {
        String serial = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return "NT" + serial + TrackingCode.checkDigit(serial) + "BR";
    }

    /** A fresh 13-digit Brazilian mobile WhatsApp id in {@code ddd}. */
    protected static String newPhone(String ddd) {
        return "55" + ddd + "9" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    void publish(ShipmentEvent... events) {
        for (ShipmentEvent e : events) {
            try {
                publisher.publish(e).get(10, TimeUnit.SECONDS);
            } catch (Exception ex) {
                throw new IllegalStateException("cannot publish " + e, ex);
            }
        }
    }

    static OffsetDateTime now() {
        return clock().instant().atOffset(ZoneOffset.UTC);
    }

    static ShipmentRegistered registered(String code, String name, String product) {
        return new ShipmentRegistered(ShipmentRegistered.idFor(code), now(), code, ShipmentRegistered.Source.PRE_POSTING,
                "PP" + code, "03220", "SEDEX CONTRATO AG", new Recipient(name, new Phone("11", "987654321"), null, null, null),
                List.of(new ContentItem(product, 1, new BigDecimal("1500.00"))), null, null);
    }

    static ContactValidated contact(String code, String waId) {
        return contact(code, waId, ContactStatus.VALID);
    }

    static ContactValidated contact(String code, String waId, ContactStatus status) {
        boolean reachable = status.isReachable();
        return new ContactValidated(UUID.randomUUID(), now(), code, status, waId.substring(2), "+" + waId,
                reachable ? waId : null, PhoneType.MOBILE, "cloud-api", now());
    }

    static ShipmentStatusChanged statusChanged(String code, Milestone milestone, Unit unit) {
        return statusChanged(code, milestone, unit, now().minusHours(1));
    }

    static ShipmentStatusChanged statusChanged(String code, Milestone milestone, Unit unit, OffsetDateTime at) {
        CorreiosEvent event = new CorreiosEvent(correiosCode(milestone), "01", milestone.name(), null, at, unit, null);
        return new ShipmentStatusChanged(ShipmentStatusChanged.idFor(code, milestone, event), at, code, milestone, null,
                milestone.isTerminal(), false, event, null);
    }

    static Unit unit(String city, String state) {
        return new Unit("Unidade de Atendimento", "AC " + city, city, state, null);
    }

    static Unit pickupUnit(String city, String state, Address address) {
        return new Unit("Unidade de Distribuição", "CDD " + city, city, state, address);
    }

    private static String correiosCode(Milestone m) {
        return switch (m) {
            case POSTED -> "PO";
            case DELIVERED -> "BDE";
            case AWAITING_PICKUP -> "LDI";
            case OUT_FOR_DELIVERY -> "OEC";
            default -> "RO";
        };
    }

    Notification awaitNotification(String code, NotificationKind kind, Predicate<Notification> condition) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> notifications.find(code, kind).orElse(null), n -> n != null && condition.test(n));
    }

    Notification awaitState(String code, NotificationKind kind, NotificationState state) {
        return awaitNotification(code, kind, n -> n.state() == state);
    }

    Parcel awaitParcel(String code, Predicate<Parcel> condition) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> parcels.find(code).orElse(null), p -> p != null && condition.test(p));
    }

    /**
     * Proves the dispatcher made passes after whatever the test did last: a fresh parcel's SHIPPED
     * goes out. Use it before asserting that something was NOT sent.
     */
    void awaitDispatcherPass() {
        String code = newTrackingCode();
        String phone = newPhone("11");
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        awaitState(code, NotificationKind.SHIPPED, NotificationState.SENT);
    }
}
