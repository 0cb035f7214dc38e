package br.com.techassist.shipments.notifier.dispatch;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * The sending window ({@code QUIET_HOURS}, e.g. {@code 08:00-20:00}, or {@code off}) in the
 * recipient's local time. A window whose end is before its start spans midnight.
 */
final class QuietHours {

    private final LocalTime start;
    private final LocalTime end;

    private QuietHours(LocalTime start, LocalTime end) {
        this.start = start;
        this.end = end;
    }

    static QuietHours parse(String spec) {
        String s = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("off")) {
            return new QuietHours(null, null);
        }
        String[] parts = s.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("QUIET_HOURS must look like 08:00-20:00 or be 'off', got " + spec);
        }
        LocalTime start = LocalTime.parse(parts[0].strip());
        LocalTime end = LocalTime.parse(parts[1].strip());
        return start.equals(end) ? new QuietHours(null, null) : new QuietHours(start, end);
    }

    /** Empty when a message may go out at {@code now} in {@code zone}; else when the window next opens. */
    Optional<Instant> nextOpening(Instant now, ZoneId zone) {
        if (start == null) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean open = start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        if (open) {
            return Optional.empty();
        }
        ZonedDateTime opening = local.with(start).withSecond(start.getSecond()).withNano(0);
        if (!opening.isAfter(local)) {
            opening = opening.plusDays(1);
        }
        return Optional.of(opening.toInstant());
    }
}
