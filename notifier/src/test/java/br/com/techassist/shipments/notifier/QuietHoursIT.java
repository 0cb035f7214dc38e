package br.com.techassist.shipments.notifier;

import static br.com.techassist.shipments.notifier.SharedWhatsApp.sendsTo;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.notifier.notification.Notification;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuietHoursIT extends NotifierITSupport {

    @Test
    void aDeliveryAt22InRioBrancoIsSentAt08ThereTheNextMorning() {
        Instant tenPmInRioBranco = Instant.parse("2026-11-28T03:00:00Z"); // 22:00 on the 27th, UTC-5
        Instant eightAmInRioBranco = Instant.parse("2026-11-28T13:00:00Z");
        clock().set(tenPmInRioBranco);
        String code = newTrackingCode();
        String phone = newPhone("68");

        publish(contact(code, phone), statusChanged(code, Milestone.DELIVERED, unit("RIO BRANCO", "AC"), now().minusMinutes(5)));

        Notification waiting = awaitNotification(code, NotificationKind.ARRIVED,
                n -> n.state() == NotificationState.PENDING && "quiet hours".equals(n.reason()));
        assertThat(waiting.nextAttemptAt()).isEqualTo(eightAmInRioBranco);
        assertThat(sendsTo(phone)).isEmpty();

        clock().set(eightAmInRioBranco.minusSeconds(60));
        awaitDispatcherPass(); // a pass at 07:59 there happened, and left it waiting
        assertThat(notifications.find(code, NotificationKind.ARRIVED).orElseThrow().state()).isEqualTo(NotificationState.PENDING);
        assertThat(sendsTo(phone)).isEmpty();

        clock().set(eightAmInRioBranco);
        awaitState(code, NotificationKind.ARRIVED, NotificationState.SENT);
        assertThat(sendsTo(phone)).hasSize(1);
    }
}
