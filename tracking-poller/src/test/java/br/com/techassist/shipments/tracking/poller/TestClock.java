package br.com.techassist.shipments.tracking.poller;

import br.com.techassist.shipments.testsupport.MovableClock;
import java.time.Instant;

/** The clock the tests move by hand; one per test JVM, shared by every application context in it. */
final class TestClock {

    static final MovableClock SHARED = new MovableClock(Instant.parse("2026-11-27T15:00:00Z"));

    private TestClock() {}
}
