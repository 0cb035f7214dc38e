package br.com.techassist.shipments.sandbox.clock;

import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /sandbox/clock}: read the simulated time, or jump it forward. */
@RestController
@RequestMapping("/sandbox/clock")
class ClockController {

    private final SimulatedClock clock;

    ClockController(SimulatedClock clock) {
        this.clock = clock;
    }

    @GetMapping
    ClockView now() {
        return new ClockView(clock.now(), clock.speed());
    }

    @PostMapping("/advance")
    ClockView advance(@RequestParam Duration by) {
        clock.advance(by);
        return now();
    }

    record ClockView(LocalDateTime simulatedNow, double speed) {}
}
