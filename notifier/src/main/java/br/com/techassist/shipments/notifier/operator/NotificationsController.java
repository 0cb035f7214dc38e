package br.com.techassist.shipments.notifier.operator;

import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.Notifications;
import br.com.techassist.shipments.support.security.ApiRoles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators act on notifications: {@code GET /api/notifications} (paged, newest first, with counts
 * per state and reason), {@code POST /api/notifications/{id}/resolution} ({@code sent} or
 * {@code not-sent}) and {@code POST /api/notifications/retry} (bounded bulk re-open). Every action is
 * audited; 404 for an unknown notification, 409 when its state does not allow the action.
 */
@RestController
@Validated
class NotificationsController {

    static final int MAX_PAGE = 200;
    static final int MAX_RETRY = 500;

    private final Notifications notifications;
    private final OperatorActions actions;

    NotificationsController(Notifications notifications, OperatorActions actions) {
        this.notifications = notifications;
        this.actions = actions;
    }

    record Page(int page, int size, List<NotificationView> items, List<Notifications.Count> counts) {}

    @GetMapping("/api/notifications")
    Page list(@RequestParam(required = false) NotificationState state, @RequestParam(required = false) NotificationKind kind,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Instant since,
            @RequestParam(required = false) Instant until, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE) int size, Authentication caller) {
        Notifications.Filter filter = new Notifications.Filter(state, kind, reason, since, until);
        boolean operator = ApiRoles.held(caller, ApiRoles.OPERATOR);
        return new Page(page, size, notifications.search(filter, page * size, size).stream()
                .map(n -> NotificationView.of(n, operator)).toList(), notifications.counts(filter));
    }

    /** {@code {"outcome":"sent"}}: the operator saw it on the phone; {@code {"outcome":"not-sent"}}: send it (once more). */
    record Resolution(@NotNull @Pattern(regexp = "sent|not-sent", message = "must be sent or not-sent") String outcome) {}

    @PostMapping("/api/notifications/{id}/resolution")
    ResponseEntity<?> resolve(@PathVariable String id, @Valid @RequestBody Resolution resolution) {
        OperatorActions.Outcome outcome = "sent".equals(resolution.outcome()) ? OperatorActions.Outcome.SENT
                : OperatorActions.Outcome.NOT_SENT;
        return switch (actions.resolve(id, outcome)) {
            case OperatorActions.Result.Done done -> ResponseEntity.ok(NotificationView.of(done.notification(), true));
            case OperatorActions.Result.Unknown unknown -> problem(HttpStatus.NOT_FOUND, "Unknown notification",
                    "id: no notification " + id);
            case OperatorActions.Result.Refused refused -> problem(HttpStatus.CONFLICT, "Not allowed in this state",
                    "state: " + refused.why());
        };
    }

    /** Which notifications to make due again: FAILED by default, narrowed by kind, reason and time of the last change. */
    record Retry(@Pattern(regexp = "FAILED|SUPPRESSED|UNCERTAIN", message = "must be FAILED, SUPPRESSED or UNCERTAIN") String state,
            NotificationKind kind, String reason, Instant since, Instant until,
            @Min(1) @Max(MAX_RETRY) Integer limit) {}

    @PostMapping("/api/notifications/retry")
    OperatorActions.RetryReport retry(@Valid @RequestBody Retry retry) {
        NotificationState state = NotificationState.valueOf(retry.state() == null ? "FAILED" : retry.state().toUpperCase(Locale.ROOT));
        return actions.retry(new Notifications.Filter(state, retry.kind(), retry.reason(), retry.since(), retry.until()),
                retry.limit() == null ? 100 : retry.limit());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
