package br.com.techassist.shipments.support.deadletter;

import br.com.techassist.shipments.support.web.FieldProblem;
import br.com.techassist.shipments.support.web.Problems;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dead-letters?topic=&page=&size=} (operator or auditor) and
 * {@code POST /api/dead-letters/replay} (operator): see the package documentation.
 */
@RestController
class DeadLetterController {

    private final DeadLetterTopics topics;
    private final DeadLetterLog log;
    private final DeadLetterReplays replays;
    private final DeadLetterReplayer replayer;
    private final DeadLetterProperties props;

    DeadLetterController(DeadLetterTopics topics, DeadLetterLog log, DeadLetterReplays replays,
            DeadLetterReplayer replayer, DeadLetterProperties props) {
        this.topics = topics;
        this.log = log;
        this.replays = replays;
        this.replayer = replayer;
        this.props = props;
    }

    @GetMapping("/api/dead-letters")
    ResponseEntity<?> list(@RequestParam(required = false) @Nullable String topic,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (topic != null && !topics.contains(topic)) {
            return unknownTopic();
        }
        if (page < 0 || size < 1 || size > props.maxPageSize()) {
            return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldProblem(page < 0 ? "page" : "size",
                    page < 0 ? "must be 0 or more" : "must be between 1 and " + props.maxPageSize()))));
        }
        List<String> chosen = topic != null ? List.of(topic) : topics.all();
        long total = log.bounds(chosen).stream().mapToLong(b -> b.end() - b.begin()).sum();
        var records = log.slice(chosen, (long) page * size, size);
        var replayed = records.stream().collect(Collectors.groupingBy(r -> r.topic())).entrySet().stream()
                .flatMap(e -> replays.replayed(e.getKey(), e.getValue().stream().map(DeadLetterHeaders::position).toList())
                        .stream())
                .collect(Collectors.toSet());
        return ResponseEntity.ok(new DeadLetterPage(chosen, page, size, total,
                records.stream().map(r -> DeadLetterHeaders.view(r, Set.copyOf(replayed))).toList()));
    }

    @PostMapping("/api/dead-letters/replay")
    ResponseEntity<?> replay(@Valid @RequestBody ReplayRequest request) {
        if (!topics.contains(request.topic())) {
            return unknownTopic();
        }
        return ResponseEntity.ok(replayer.replay(request));
    }

    @ExceptionHandler(AlreadyReplayedException.class)
    ProblemDetail alreadyReplayed(AlreadyReplayedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Already replayed");
        problem.setProperty("replayed", e.positions());
        return problem;
    }

    @ExceptionHandler(TooManyRecordsException.class)
    ProblemDetail tooMany(TooManyRecordsException e) {
        return Problems.invalid(List.of(new FieldProblem("request", e.getMessage())));
    }

    private ResponseEntity<ProblemDetail> unknownTopic() {
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldProblem("topic",
                "is not a dead-letter topic of this service; one of " + topics.all()))));
    }
}
