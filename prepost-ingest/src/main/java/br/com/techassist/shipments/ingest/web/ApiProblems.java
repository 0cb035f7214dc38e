package br.com.techassist.shipments.ingest.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.DatabindException;

/** 400 answers as RFC 9457 problem details whose {@code detail} names the bad field(s). */
@RestControllerAdvice
class ApiProblems {

    static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException bad && !bad.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(bad), "has the wrong type or format")));
        }
        return invalid(List.of(new FieldProblem("body", "is not a JSON object")));
    }

    private static String path(DatabindException e) {
        StringBuilder out = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
        }
        return out.toString();
    }
}
