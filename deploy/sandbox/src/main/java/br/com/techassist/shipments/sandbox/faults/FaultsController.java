package br.com.techassist.shipments.sandbox.faults;

import br.com.techassist.shipments.sandbox.faults.Faults.Api;
import br.com.techassist.shipments.sandbox.faults.FaultSettings.FaultChange;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /sandbox/faults}: read, change (partially) or reset the fault knobs at runtime. */
@RestController
@RequestMapping("/sandbox/faults")
class FaultsController {

    private static final Logger log = LoggerFactory.getLogger(FaultsController.class);

    private final Faults faults;

    FaultsController(Faults faults) {
        this.faults = faults;
    }

    @GetMapping
    FaultsView current() {
        return new FaultsView(faults.correios(), faults.whatsapp());
    }

    /** Applies the given fields; omitted fields keep their value. */
    @PutMapping
    FaultsView change(@RequestBody FaultsChange change) {
        if (change.correios() != null) {
            validate(change.correios());
            faults.change(Api.CORREIOS, change.correios());
        }
        if (change.whatsapp() != null) {
            validate(change.whatsapp());
            faults.change(Api.WHATSAPP, change.whatsapp());
        }
        FaultsView now = current();
        log.info("Faults changed: correios {}, whatsapp {}", now.correios(), now.whatsapp());
        return now;
    }

    /** Back to the start-up configuration. */
    @DeleteMapping
    FaultsView reset() {
        faults.reset();
        log.info("Faults reset to the configuration");
        return current();
    }

    private static void validate(FaultChange change) {
        for (Double rate : new Double[] {change.errorRate(), change.burstRate(), change.timeoutRate(),
                change.acceptThenFailRate(), change.statusFailedRate(), change.statusOutOfOrderRate()}) {
            if (rate != null && (rate < 0 || rate > 1)) {
                throw new IllegalArgumentException("rates must be between 0 and 1, was " + rate);
            }
        }
        if (change.burstLength() != null && change.burstLength() < 1) {
            throw new IllegalArgumentException("burstLength must be at least 1");
        }
        if (change.acceptThenFailCount() != null && change.acceptThenFailCount() < 0) {
            throw new IllegalArgumentException("acceptThenFailCount must not be negative");
        }
        if ((change.latency() != null && change.latency().isNegative())
                || (change.timeoutDelay() != null && change.timeoutDelay().isNegative())
                || (change.connectionClosedFor() != null && change.connectionClosedFor().isNegative())) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    record FaultsView(FaultSettings correios, FaultSettings whatsapp) {}

    record FaultsChange(@Nullable FaultChange correios, @Nullable FaultChange whatsapp) {}
}
