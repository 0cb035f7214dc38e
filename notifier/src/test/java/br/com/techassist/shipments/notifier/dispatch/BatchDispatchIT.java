package br.com.techassist.shipments.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.NotificationFailed;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.model.NotificationSent;
import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.notifier.NotifierITSupport;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.OptOuts;
import br.com.techassist.shipments.notifier.provider.SendOutcome;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The batch claim and the grouped outcome against MySQL, called directly. The rows are due a month
 * from now, so the running dispatcher never takes them; the test claims "a month from now".
 */
class BatchDispatchIT extends NotifierITSupport {

    private static final Duration AHEAD = Duration.ofDays(30);

    @Autowired
    SendClaims claims;

    @Autowired
    SendOutcomes outcomes;

    @Autowired
    OptOuts optOuts;

    private final List<String> codes = new ArrayList<>();

    @AfterEach
    void forgetRows() {
        for (String code : codes) {
            jdbc.sql("DELETE FROM notification WHERE tracking_code = ?").param(code).update();
            jdbc.sql("DELETE FROM parcel WHERE tracking_code = ?").param(code).update();
        }
    }

    @Test
    void twoMessagesOfOneParcelAreNeverInFlightTogether() {
        String code = parcel(newPhone("11"));
        List<Notification> both = List.of(pending(code, NotificationKind.SHIPPED), pending(code, NotificationKind.ARRIVED));

        List<Claim> first = claims.claim(both, later());
        assertThat(first).hasSize(1);
        assertThat(claims.claim(both, later())).as("the other one while the first is in flight").isEmpty();
        assertThat(states(code)).containsExactlyInAnyOrder(NotificationState.SENDING, NotificationState.PENDING);

        outcomes.record(List.of(new Answer(first.getFirst(), "cloud-api", new SendOutcome.Accepted("wamid.A1", null))));
        List<Claim> second = claims.claim(both, later());
        assertThat(second).hasSize(1);
        assertThat(second.getFirst().notification().kind()).isNotEqualTo(first.getFirst().notification().kind());
    }

    @Test
    void aBatchWithAnOptedOutRecipientClaimsTheOthersAndSuppressesIt() {
        String optedOutPhone = newPhone("11");
        assertThat(optOuts.record(optedOutPhone, "SAIR")).isTrue();
        String a = parcel(newPhone("11"));
        String optedOut = parcel(optedOutPhone);
        String b = parcel(newPhone("21"));

        List<Claim> claimed = claims.claim(List.of(pending(a, NotificationKind.SHIPPED),
                pending(optedOut, NotificationKind.SHIPPED), pending(b, NotificationKind.SHIPPED)), later());

        assertThat(claimed).extracting(c -> c.notification().trackingCode()).containsExactlyInAnyOrder(a, b);
        Notification suppressed = notifications.find(optedOut, NotificationKind.SHIPPED).orElseThrow();
        assertThat(suppressed.state()).isEqualTo(NotificationState.SUPPRESSED);
        assertThat(suppressed.reason()).isEqualTo("opted_out");
        for (Claim c : claimed) {
            Notification row = notifications.findById(c.notification().id()).orElseThrow();
            assertThat(row.state()).isEqualTo(NotificationState.SENDING);
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.recipient()).isEqualTo(c.message().to()).isEqualTo(c.parcel().sendTo());
        }
    }

    @Test
    void aGroupOfAcceptedRetryAndRejectedAnswersIsRecordedInOneTransaction() {
        String sent = parcel(newPhone("11"));
        String retried = parcel(newPhone("11"));
        String rejected = parcel(newPhone("11"));
        List<Claim> claimed = claims.claim(List.of(pending(sent, NotificationKind.SHIPPED),
                pending(retried, NotificationKind.SHIPPED), pending(rejected, NotificationKind.SHIPPED)), later());
        assertThat(claimed).hasSize(3);

        try (var events = TopicRecorder.start(Topics.NOTIFICATIONS, Topics.ALERTS)) {
            boolean halt = outcomes.record(List.of(
                    new Answer(claimOf(claimed, sent), "cloud-api", new SendOutcome.Accepted("wamid.G1", "551199990001")),
                    new Answer(claimOf(claimed, retried), "cloud-api", new SendOutcome.Retry("rate limit hit", "130429")),
                    new Answer(claimOf(claimed, rejected), "cloud-api", new SendOutcome.Rejected("invalid parameter", "100", false))));

            assertThat(halt).isFalse();
            Notification s = notifications.find(sent, NotificationKind.SHIPPED).orElseThrow();
            assertThat(s.state()).isEqualTo(NotificationState.SENT);
            assertThat(s.providerMessageId()).isEqualTo("wamid.G1");
            assertThat(s.waId()).isEqualTo("551199990001");
            Notification r = notifications.find(retried, NotificationKind.SHIPPED).orElseThrow();
            assertThat(r.state()).isEqualTo(NotificationState.PENDING);
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.nextAttemptAt()).isEqualTo(clock().instant().plus(Duration.ofMinutes(1)));
            Notification f = notifications.find(rejected, NotificationKind.SHIPPED).orElseThrow();
            assertThat(f.state()).isEqualTo(NotificationState.FAILED);
            assertThat(f.errorCode()).isEqualTo("100");

            events.await(NotificationSent.class, e -> e.trackingCode().equals(sent), 1, WAIT);
            assertThat(events.await(NotificationFailed.class, e -> e.trackingCode().equals(retried), 1, WAIT).getFirst()
                    .retryable()).isTrue();
            assertThat(events.await(NotificationFailed.class, e -> e.trackingCode().equals(rejected), 1, WAIT).getFirst()
                    .retryable()).isFalse();
            assertThat(events.await(ShipmentAlert.class, e -> rejected.equals(e.trackingCode()), 1, WAIT).getFirst().type())
                    .isEqualTo(ShipmentAlert.AlertType.SEND_FAILED);
        }
    }

    @Test
    void claimsNeverHandedToTheProviderAreGivenBack() {
        String code = parcel(newPhone("11"));
        List<Claim> claimed = claims.claim(List.of(pending(code, NotificationKind.SHIPPED)), later());
        assertThat(claimed).hasSize(1);

        assertThat(notifications.release(List.of(claimed.getFirst().notification().id()))).isEqualTo(1);

        Notification back = notifications.find(code, NotificationKind.SHIPPED).orElseThrow();
        assertThat(back.state()).isEqualTo(NotificationState.PENDING);
        assertThat(back.attempts()).isZero();
    }

    private static Claim claimOf(List<Claim> claimed, String code) {
        return claimed.stream().filter(c -> c.notification().trackingCode().equals(code)).findFirst().orElseThrow();
    }

    private static Instant later() {
        return clock().instant().plus(AHEAD);
    }

    private List<NotificationState> states(String code) {
        return notifications.ofParcels(List.of(code)).stream().map(Notification::state).toList();
    }

    /** A parcel whose contact is known and valid, sent to {@code phone}. */
    private String parcel(String phone) {
        String code = newTrackingCode();
        codes.add(code);
        Timestamp now = Timestamp.from(clock().instant());
        jdbc.sql("""
                INSERT INTO parcel (tracking_code, recipient_name, product, contact_status, contact_at, e164, whatsapp_id,
                  origin_city, origin_state, origin_from_posted, shipped_event_at, created_at, updated_at)
                VALUES (?, 'ANA LIMA', 'Livro', 'VALID', ?, ?, ?, 'Sao Paulo', 'SP', true, ?, ?, ?)""")
                .params(code, now, "+" + phone, phone, now, now, now)
                .update();
        return code;
    }

    /** A PENDING notification due a month from now (inserted so, so the running dispatcher never sees it due). */
    private Notification pending(String code, NotificationKind kind) {
        Timestamp now = Timestamp.from(clock().instant());
        jdbc.sql("""
                INSERT INTO notification (id, tracking_code, kind, state, next_attempt_at, attempts, event_at, created_at,
                  updated_at) VALUES (?, ?, ?, 'PENDING', ?, 0, ?, ?, ?)""")
                .params(Notification.idFor(code, kind), code, kind.name(), Timestamp.from(later()), now, now, now)
                .update();
        return notifications.find(code, kind).orElseThrow();
    }
}
