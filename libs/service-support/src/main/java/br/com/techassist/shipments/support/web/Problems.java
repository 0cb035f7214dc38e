package br.com.techassist.shipments.support.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem details in the services' shape: {@code detail} lists {@code field: message}, {@code errors} the same as objects. */
public final class Problems {

    private Problems() {}

    /** 400 "Invalid request" naming each bad field. */
    public static ProblemDetail invalid(List<FieldProblem> problems) {
        return withFields(HttpStatus.BAD_REQUEST, "Invalid request", problems);
    }

    /** A problem of {@code status} naming the field(s) it is about. */
    public static ProblemDetail withFields(HttpStatus status, String title, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        problem.setTitle(title);
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList());
        return problem;
    }
}
