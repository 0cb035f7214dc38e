package br.com.techassist.shipments.standalone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the standalone console shows (mode {@code summary}, the default): the launcher's own lines
 * (banner, summary, alerts), the notifier's send outcomes ({@code …notifier.dispatch.*}: sent,
 * suppressed, failed, uncertain), warnings of our code and errors of any code. Kafka, Liquibase,
 * Hikari, Tomcat, Spring and the per-parcel steps stay in the full log. A warning or error that
 * repeats (same logger, same message pattern) is shown {@value #REPEATS_PER_MINUTE} times a minute;
 * the full log has every one. Mode {@code full} ({@code STANDALONE_CONSOLE=full}) shows everything.
 */
public class ConsoleFilter extends Filter<ILoggingEvent> {

    static final List<String> SHOWN_AT_INFO = List.of("br.com.techassist.shipments.standalone",
            "br.com.techassist.shipments.notifier.dispatch");
    static final int REPEATS_PER_MINUTE = 3;
    private static final String OURS = "br.com.techassist.shipments.";
    /** Alerts a service also logs: the launcher prints every alert once, from the alerts topic. */
    private static final String ALERT_LOGGED_BY_THE_POLLER = "{}: alert {} {}: {}";

    private final Map<String, AtomicInteger> repeats = new ConcurrentHashMap<>();
    private volatile long minute;
    private boolean full;

    /** {@code summary} (default) or {@code full}. */
    public void setMode(String mode) {
        this.full = "full".equalsIgnoreCase(mode.strip());
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (full) {
            return FilterReply.NEUTRAL;
        }
        String logger = event.getLoggerName();
        if (!shown(logger, event.getLevel()) || ALERT_LOGGED_BY_THE_POLLER.equals(event.getMessage())) {
            return FilterReply.DENY;
        }
        if (SHOWN_AT_INFO.stream().noneMatch(logger::startsWith) && repeated(logger + " " + event.getMessage(),
                event.getTimeStamp())) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    static boolean shown(String logger, Level level) {
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return true;
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return logger.startsWith(OURS);
        }
        return level.isGreaterOrEqual(Level.INFO) && SHOWN_AT_INFO.stream().anyMatch(logger::startsWith);
    }

    /** True when {@code key} was shown {@value #REPEATS_PER_MINUTE} times in this minute already. */
    private boolean repeated(String key, long timestamp) {
        long now = timestamp / 60_000;
        if (now != minute) {
            minute = now;
            repeats.clear();
        }
        return repeats.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > REPEATS_PER_MINUTE;
    }
}
