package br.com.techassist.shipments.sandbox.correios;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the business APIs: a missing or unknown bearer token gives 401 GTW-006; an expired one
 * gives 401 GTW-008 "Token não válido para este ambiente", as the real gateway does.
 */
final class BearerTokenInterceptor implements HandlerInterceptor {

    private final Tokens tokens;
    private final JsonMapper json;

    BearerTokenInterceptor(Tokens tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        String problem = switch (tokens.check(token)) {
            case VALID -> null;
            case EXPIRED -> "GTW-008: Token não válido para este ambiente.";
            case UNKNOWN -> "GTW-006: Token inválido.";
        };
        if (problem == null) {
            return true;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), CorreiosError.of(request, problem));
        return false;
    }
}
