package br.com.techassist.shipments.support.audit;

import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.web.FieldProblem;
import br.com.techassist.shipments.support.web.Problems;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit?trackingCode=…}: the parcel's audit records, oldest first (operator or auditor). */
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    ResponseEntity<?> of(@RequestParam String trackingCode) {
        if (!TrackingCode.isValid(trackingCode)) {
            return ResponseEntity.badRequest().body(Problems.invalid(List.of(
                    new FieldProblem("trackingCode", "is not a Correios tracking code"))));
        }
        return ResponseEntity.ok(trail.of(TrackingCode.parse(trackingCode).value()));
    }
}
