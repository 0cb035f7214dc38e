package br.com.techassist.shipments.support.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 (no or bad credential) and 403 (wrong role) as {@code application/problem+json}, each counted in
 * {@code shipments_api_access_denied_total{reason=unauthenticated|forbidden}}. The answer never
 * repeats the credential.
 */
class AccessDeniedProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Counter unauthenticated;
    private final Counter forbidden;

    AccessDeniedProblems(MeterRegistry meters) {
        this.unauthenticated = counter(meters, "unauthenticated");
        this.forbidden = counter(meters, "forbidden");
    }

    private static Counter counter(MeterRegistry meters, String reason) {
        return Counter.builder("shipments.api.access.denied")
                .description("API requests refused: no or bad credential (unauthenticated), wrong role (forbidden)")
                .tag("reason", reason)
                .register(meters);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthenticated.increment();
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, request, presented
                ? "The credential was not accepted (unknown API key, or an invalid or expired token)"
                : "A credential is required: Authorization: Bearer <API key or JWT>");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        forbidden.increment();
        write(response, HttpStatus.FORBIDDEN, request, "The credential's role may not " + request.getMethod() + " "
                + request.getRequestURI());
    }

    private static void write(HttpServletResponse response, HttpStatus status, HttpServletRequest request, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
