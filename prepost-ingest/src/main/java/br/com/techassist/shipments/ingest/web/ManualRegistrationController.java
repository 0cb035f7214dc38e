package br.com.techassist.shipments.ingest.web;

import br.com.techassist.shipments.ingest.registration.Registrations;
import br.com.techassist.shipments.model.ShipmentRegistered;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/shipments}: registers a parcel posted outside pre-posting. 201 when registered,
 * 200 when the same registration was made before (harmless repeat), 409 when the code is
 * registered with other data, 400 naming the bad field(s).
 */
@RestController
class ManualRegistrationController {

    private final ManualRegistrations registrations;

    ManualRegistrationController(ManualRegistrations registrations) {
        this.registrations = registrations;
    }

    record Registered(String trackingCode, UUID eventId, String status) {}

    @PostMapping("/api/shipments")
    ResponseEntity<?> register(@RequestBody ManualRegistrationRequest request) {
        ManualRegistrations.Checked checked = registrations.check(request);
        if (checked.event() == null) {
            return ResponseEntity.badRequest().body(ApiProblems.invalid(checked.problems()));
        }
        ShipmentRegistered event = checked.event();
        Registrations.Result result = registrations.register(event);
        return switch (result) {
            case NEW -> ResponseEntity.created(URI.create("/api/shipments/" + event.trackingCode()))
                    .body(new Registered(event.trackingCode(), event.eventId(), "REGISTERED"));
            case ALREADY_REGISTERED -> ResponseEntity.ok(
                    new Registered(event.trackingCode(), event.eventId(), "ALREADY_REGISTERED"));
            case REGISTERED_DIFFERENTLY -> {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "trackingCode: "
                        + event.trackingCode() + " is already registered with other data; it was left unchanged");
                problem.setTitle("Already registered");
                problem.setProperty("errors", List.of(Map.of("field", "trackingCode", "message",
                        "already registered with other data")));
                yield ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
        };
    }
}
