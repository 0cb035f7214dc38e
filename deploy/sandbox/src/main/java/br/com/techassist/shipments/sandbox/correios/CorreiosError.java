package br.com.techassist.shipments.sandbox.correios;

import br.com.techassist.shipments.sandbox.clock.SimulatedClock;
import br.com.techassist.shipments.sandbox.scenario.WireTime;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The CWS gateway's error body ({@code MessageResponse}): {@code msgs[]}, date, method, path. */
public record CorreiosError(
        List<String> msgs, String date, String method, String path, @Nullable String causa, @Nullable String stackTrace) {

    public static CorreiosError of(HttpServletRequest request, String message) {
        return new CorreiosError(List.of(message), WireTime.format(LocalDateTime.now(SimulatedClock.BRASILIA)),
                request.getMethod(), request.getRequestURI(), null, null);
    }

    static ResponseEntity<Object> response(HttpStatus status, HttpServletRequest request, String message) {
        return ResponseEntity.status(status).body(of(request, message));
    }
}
