package br.com.techassist.shipments.ingest.privacy;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/privacy/erasures} (role {@code operator}): a person asks for their personal data to
 * be erased (LGPD art. 18); 202 with the parcels found (possibly none) and the request's
 * {@code Location}; 400 naming the bad field, or {@code identifier} when none was given.
 * {@code GET /api/privacy/erasures/{id}} (role {@code operator} or {@code auditor}): its progress; 404
 * for an unknown id.
 */
@RestController
class ErasureController {

    private static final String PATH = "/api/privacy/erasures";

    private final Erasures erasures;
    private final ErasureConfirmations confirmations;

    ErasureController(Erasures erasures, ErasureConfirmations confirmations) {
        this.erasures = erasures;
        this.confirmations = confirmations;
    }

    record Requested(UUID id, List<String> parcels, String status) {}

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Requested> request(@Valid @RequestBody ErasureRequestBody body, Principal caller) {
        Erasures.Filed filed = erasures.file(body, caller.getName());
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + filed.id()))
                .body(new Requested(filed.id(), filed.parcels(), "requested"));
    }

    @GetMapping(PATH + "/{id}")
    ResponseEntity<?> progress(@PathVariable UUID id) {
        return confirmations.progress(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no erasure request " + id);
            problem.setTitle("Erasure request not found");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        });
    }
}
