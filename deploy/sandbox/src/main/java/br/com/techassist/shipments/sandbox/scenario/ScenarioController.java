package br.com.techassist.shipments.sandbox.scenario;

import br.com.techassist.shipments.sandbox.clock.SimulatedClock;
import br.com.techassist.shipments.sandbox.scenario.Scenario.EventSpec;
import br.com.techassist.shipments.sandbox.scenario.Scenario.ParcelSpec;
import java.time.LocalDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin API: create parcels and events, and read the ground truth ({@code /sandbox/scenario}). */
@RestController
@RequestMapping("/sandbox/scenario/parcels")
class ScenarioController {

    private static final int MAX_BATCH = 100_000;

    private final Scenario scenario;
    private final Parcels parcels;
    private final SimulatedClock clock;

    ScenarioController(Scenario scenario, Parcels parcels, SimulatedClock clock) {
        this.scenario = scenario;
        this.parcels = parcels;
        this.clock = clock;
    }

    /**
     * Creates {@code count} generated parcels (optionally forcing lifecycle and phone kind), or the
     * one {@code parcel} given.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    List<ParcelView> create(@RequestBody CreateParcels request) {
        List<Parcel> created;
        if (request.parcel() != null) {
            created = List.of(scenario.create(request.parcel()));
        } else {
            int count = request.count() != null ? request.count() : 1;
            if (count < 1 || count > MAX_BATCH) {
                throw new IllegalArgumentException("count must be between 1 and " + MAX_BATCH);
            }
            created = scenario.generate(count, request.lifecycle(), request.phoneKind());
        }
        LocalDateTime now = clock.now();
        return created.stream().map(parcel -> ParcelView.of(parcel, now)).toList();
    }

    /** Ground truth of every parcel in creation order; {@code page}/{@code size} to read it in slices. */
    @GetMapping
    List<ParcelView> list(
            @RequestParam(required = false) @Nullable Lifecycle lifecycle,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Integer.MAX_VALUE) int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        LocalDateTime now = clock.now();
        return parcels.all().stream()
                .filter(parcel -> lifecycle == null || parcel.lifecycle() == lifecycle)
                .skip((long) page * size)
                .limit(size)
                .map(parcel -> ParcelView.of(parcel, now))
                .toList();
    }

    @GetMapping("/{trackingCode}")
    ParcelView one(@PathVariable String trackingCode) {
        return ParcelView.of(parcel(trackingCode), clock.now());
    }

    @PostMapping("/{trackingCode}/events")
    @ResponseStatus(HttpStatus.CREATED)
    ParcelView addEvent(@PathVariable String trackingCode, @RequestBody EventSpec event) {
        scenario.addEvent(parcel(trackingCode).trackingCode(), event);
        return ParcelView.of(parcel(trackingCode), clock.now());
    }

    private Parcel parcel(String trackingCode) {
        return parcels.byTrackingCode(trackingCode.strip().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new NoSuchElementException("no parcel " + trackingCode));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> conflict(IllegalStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
    }

    /**
     * Body of {@code POST /sandbox/scenario/parcels}.
     *
     * @param count how many parcels to generate (default 1), when {@code parcel} is absent
     * @param lifecycle force this lifecycle on generated parcels
     * @param phoneKind force this phone situation on generated parcels
     * @param parcel one parcel to create as given
     */
    record CreateParcels(
            @Nullable Integer count,
            @Nullable Lifecycle lifecycle,
            @Nullable PhoneKind phoneKind,
            @Nullable ParcelSpec parcel) {}
}
