package br.com.techassist.shipments.notifier.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId RIO_BRANCO = ZoneId.of("America/Rio_Branco");
    private final QuietHours window = QuietHours.parse("08:00-20:00");

    @Test
    void insideTheWindowAMessageGoesNow() {
        assertThat(window.nextOpening(Instant.parse("2026-11-27T15:00:00Z"), RecipientZones.BRASILIA)).isEmpty();
        assertThat(window.nextOpening(Instant.parse("2026-11-27T11:00:00Z"), RecipientZones.BRASILIA)).isEmpty(); // 08:00
    }

    @Test
    void aDeliveryAt22InRioBrancoWaitsFor08ThereTheNextDay() {
        Instant at22 = Instant.parse("2026-11-28T03:00:00Z"); // 22:00 of the 27th in Acre (UTC-5)

        assertThat(window.nextOpening(at22, RIO_BRANCO)).contains(Instant.parse("2026-11-28T13:00:00Z"));
    }

    @Test
    void earlyMorningWaitsForTheSameDay() {
        assertThat(window.nextOpening(Instant.parse("2026-11-27T09:30:00Z"), RecipientZones.BRASILIA)) // 06:30
                .contains(Instant.parse("2026-11-27T11:00:00Z"));
        assertThat(window.nextOpening(Instant.parse("2026-11-27T23:00:00Z"), RecipientZones.BRASILIA)) // 20:00 sharp
                .contains(Instant.parse("2026-11-28T11:00:00Z"));
    }

    @Test
    void offNeverWaitsAndAWindowOverMidnightWorks() {
        assertThat(QuietHours.parse("off").nextOpening(Instant.parse("2026-11-28T06:00:00Z"), RIO_BRANCO)).isEmpty();
        QuietHours night = QuietHours.parse("22:00-06:00");
        assertThat(night.nextOpening(Instant.parse("2026-11-28T04:00:00Z"), RIO_BRANCO)).isEmpty(); // 23:00
        assertThat(night.nextOpening(Instant.parse("2026-11-27T17:00:00Z"), RIO_BRANCO)) // 12:00
                .contains(Instant.parse("2026-11-28T03:00:00Z"));
        assertThatThrownBy(() -> QuietHours.parse("8h to 20h")).isInstanceOf(IllegalArgumentException.class);
    }
}
