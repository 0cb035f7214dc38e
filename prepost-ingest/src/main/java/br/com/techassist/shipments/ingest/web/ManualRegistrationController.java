package br.com.techassist.shipments.ingest.web;

import br.com.techassist.shipments.ingest.registration.Registrations;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.support.web.FieldProblem;
import br.com.techassist.shipments.support.web.Problems;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/shipments}: registers a parcel posted outside pre-posting. 201 when registered,
 * 200 when the same registration was made before (harmless repeat), 409 when the code is
 * registered with other data or its personal data was erased (it is not registered again), 400 naming the bad field(s) (Bean Validation on the body), 413 over 64 KB.
 * Role {@code integration} or {@code operator}.
 */
@RestController
class ManualRegistrationController {

    private final ManualRegistrations registrations;

    ManualRegistrationController(ManualRegistrations registrations) {
        this.registrations = registrations;
    }

    record Registered(String trackingCode, UUID eventId, String status) {}

    @PostMapping(path = "/api/shipments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> register(@Valid @RequestBody ManualRegistrationRequest request) {
        ShipmentRegistered event = registrations.event(request);
        Registrations.Result result = registrations.register(event);
        return switch (result) {
            case NEW -> ResponseEntity.created(URI.create("/api/shipments/" + event.trackingCode()))
                    .body(new Registered(event.trackingCode(), event.eventId(), "REGISTERED"));
            case ALREADY_REGISTERED -> ResponseEntity.ok(
                    new Registered(event.trackingCode(), event.eventId(), "ALREADY_REGISTERED"));
            case REGISTERED_DIFFERENTLY -> {
                ProblemDetail problem = Problems.withFields(HttpStatus.CONFLICT, "Already registered", List.of(
                        new FieldProblem("trackingCode", event.trackingCode()
                                + " is already registered with other data; it was left unchanged")));
                yield ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
            case ERASED -> {
                ProblemDetail problem = Problems.withFields(HttpStatus.CONFLICT, "Personal data erased", List.of(
                        new FieldProblem("trackingCode", event.trackingCode() + " was registered and its recipient's"
                                + " personal data has been erased (LGPD); it is not registered again")));
                yield ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
            }
        };
    }
}
