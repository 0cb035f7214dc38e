package br.com.techassist.shipments.support.web;

import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every error a controller raises as a problem detail: Spring MVC's own (405, 415, 404, …) as
 * {@link ResponseEntityExceptionHandler} words them; Bean Validation failures and unreadable JSON as
 * 400 naming the field(s) ({@link Problems#invalid}); a body over the limit as 413; anything else as
 * 500 without internals. A service's own advice or a controller's handlers come first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(error instanceof FieldError f ? f.getField() : error.getObjectName(),
                        String.valueOf(error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return badRequest(problems, headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName() == null ? "request"
                                : result.getMethodParameter().getParameterName(),
                        String.valueOf(error.getDefaultMessage()))))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return badRequest(problems, headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = cause(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            problem.setTitle("Request body too large");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).headers(headers).body(problem);
        }
        DatabindException bad = cause(e, DatabindException.class);
        if (bad != null && !bad.getPath().isEmpty()) {
            return badRequest(List.of(new FieldProblem(path(bad), "has the wrong type or format")), headers);
        }
        return badRequest(List.of(new FieldProblem("body", "is not a JSON object of the expected shape")), headers);
    }

    /** Anything else: its {@link ResponseStatus} if it has one, else 500; the message stays in the log. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        HttpStatus status = declared != null ? declared.code() : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("request failed", e);
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (declared != null && !declared.reason().isEmpty()) {
            problem.setDetail(declared.reason());
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static ResponseEntity<Object> badRequest(List<FieldProblem> problems, HttpHeaders headers) {
        return ResponseEntity.badRequest().headers(headers).body(Problems.invalid(problems));
    }

    private static <T extends Throwable> @Nullable T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
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
