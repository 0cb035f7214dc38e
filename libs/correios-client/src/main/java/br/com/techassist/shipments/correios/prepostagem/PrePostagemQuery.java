package br.com.techassist.shipments.correios.prepostagem;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A listing filter: a status and, for statuses other than PREPOSTADO/PREATENDIDO, a creation-date
 * window of at most {@value #MAX_WINDOW_DAYS} days (both ends inclusive).
 */
public record PrePostagemQuery(PrePostagemStatus status, @Nullable LocalDate from, @Nullable LocalDate to) {

    /** The API's limit on a creation-date window. */
    public static final int MAX_WINDOW_DAYS = 30;

    public PrePostagemQuery {
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("give both ends of the date window or neither");
        }
        if (from != null) {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("window ends before it starts: " + from + ".." + to);
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_WINDOW_DAYS) {
                throw new IllegalArgumentException("window longer than " + MAX_WINDOW_DAYS + " days: " + from + ".." + to);
            }
        } else if (status.needsDates()) {
            throw new IllegalArgumentException(status + " needs a creation-date window");
        }
    }

    public static PrePostagemQuery of(PrePostagemStatus status) {
        return new PrePostagemQuery(status, null, null);
    }

    /**
     * The windows of at most {@value #MAX_WINDOW_DAYS} days that together cover {@code from..to}
     * (inclusive), oldest first.
     */
    public static List<PrePostagemQuery> windows(PrePostagemStatus status, LocalDate from, LocalDate to) {
        List<PrePostagemQuery> out = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(MAX_WINDOW_DAYS)) {
            LocalDate end = start.plusDays(MAX_WINDOW_DAYS - 1L);
            out.add(new PrePostagemQuery(status, start, end.isAfter(to) ? to : end));
        }
        return out;
    }

    @Override
    public String toString() {
        return from == null ? status.name() : status + " " + from + ".." + to;
    }
}
