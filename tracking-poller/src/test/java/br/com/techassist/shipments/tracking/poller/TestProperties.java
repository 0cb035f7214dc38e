package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.tracking.TrackingProperties;
import java.time.Duration;

/** Default settings as Spring would bind them, for unit tests. */
final class TestProperties {

    private TestProperties() {}

    static TrackingProperties defaults(double timeScale) {
        return new TrackingProperties(Duration.ofMinutes(10), timeScale,
                new TrackingProperties.Schedule(Duration.ofMinutes(60), Duration.ofDays(30), Duration.ofMinutes(30),
                        Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofDays(1),
                        Duration.ofMinutes(10), Duration.ofHours(6), Duration.ofDays(7), Duration.ofHours(6),
                        Duration.ofMinutes(20), Duration.ofMinutes(10), Duration.ofMinutes(1)),
                new TrackingProperties.Poll(true, Duration.ofSeconds(30), 50, 50, 4, 500));
    }
}
