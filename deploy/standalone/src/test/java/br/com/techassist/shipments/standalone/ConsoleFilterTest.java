package br.com.techassist.shipments.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleFilterTest {

    private final ConsoleFilter filter = filter("summary");

    /**
     * Send outcomes, the launcher's lines, our warnings and any error are shown; infrastructure and
     * the per-parcel steps stay in the full log, and so do the alerts the poller logs (the launcher
     * prints every alert once, from the alerts topic).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            br.com.techassist.shipments.notifier.dispatch.SendOutcomes | INFO  | {} sent for {}     | NEUTRAL
            br.com.techassist.shipments.standalone.ConsoleSummary      | INFO  | registered 1       | NEUTRAL
            br.com.techassist.shipments.tracking.poller.Poller         | WARN  | slow               | NEUTRAL
            org.apache.kafka.clients.NetworkClient                     | ERROR | broken             | NEUTRAL
            br.com.techassist.shipments.tracking.poller.BatchRecorder  | INFO  | {} -> {}           | DENY
            org.apache.kafka.clients.NetworkClient                     | WARN  | metadata           | DENY
            liquibase.changelog                                        | INFO  | ran                | DENY
            br.com.techassist.shipments.tracking.poller.BatchRecorder  | WARN  | {}: alert {} {}: {} | DENY
            """)
    void theConsoleShowsWhatAPersonNeeds(String logger, String level, String message, FilterReply expected) {
        assertThat(decide(filter, logger, Level.toLevel(level), message)).isEqualTo(expected);
    }

    @Test
    void aRepeatedWarningIsShownThreeTimesAMinute() {
        for (int i = 0; i < ConsoleFilter.REPEATS_PER_MINUTE; i++) {
            assertThat(decide(filter, "br.com.techassist.shipments.support.web.ApiProblemHandler", Level.ERROR,
                    "request failed")).isEqualTo(FilterReply.NEUTRAL);
        }
        assertThat(decide(filter, "br.com.techassist.shipments.support.web.ApiProblemHandler", Level.ERROR,
                "request failed")).isEqualTo(FilterReply.DENY);
        assertThat(decide(filter, "br.com.techassist.shipments.support.web.ApiProblemHandler", Level.ERROR,
                "something else")).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void fullShowsEverything() {
        assertThat(decide(filter("full"), "org.apache.kafka.clients.NetworkClient", Level.INFO, "metadata"))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    private static ConsoleFilter filter(String mode) {
        ConsoleFilter filter = new ConsoleFilter();
        filter.setMode(mode);
        return filter;
    }

    private static FilterReply decide(ConsoleFilter filter, String logger, Level level, String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerName(logger);
        event.setLevel(level);
        event.setMessage(message);
        event.setTimeStamp(1_000_000L);
        return filter.decide(event);
    }
}
