package br.com.techassist.shipments.sandbox.correios;

import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.sandbox.clock.SimulatedClock;
import br.com.techassist.shipments.sandbox.scenario.Parcel;
import br.com.techassist.shipments.sandbox.scenario.Parcels;
import br.com.techassist.shipments.sandbox.scenario.TrackingEvent;
import br.com.techassist.shipments.sandbox.scenario.WireTime;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fake SRO Rastro: {@code GET /srorastro/v1/objetos?codigosObjetos=A&codigosObjetos=B&resultado=T}
 * (1–50 codes, default {@code U}) and {@code GET /srorastro/v1/objetos/{codigo}} (default {@code T}).
 * Events newest first; SRO-019 for malformed codes, SRO-020 for codes without events yet.
 */
@RestController
class TrackingController {

    static final int MAX_CODES = 50;

    private final Parcels parcels;
    private final SimulatedClock clock;

    TrackingController(Parcels parcels, SimulatedClock clock) {
        this.parcels = parcels;
        this.clock = clock;
    }

    @GetMapping("/srorastro/v1/objetos")
    ResponseEntity<Object> batch(
            @RequestParam(required = false) @Nullable List<String> codigosObjetos,
            @RequestParam(defaultValue = "U") String resultado,
            HttpServletRequest request) {
        if (codigosObjetos == null || codigosObjetos.isEmpty()) {
            return CorreiosError.response(HttpStatus.BAD_REQUEST, request, "SRO-017: Informe ao menos um código de objeto.");
        }
        if (codigosObjetos.size() > MAX_CODES) {
            return CorreiosError.response(HttpStatus.BAD_REQUEST, request,
                    "SRO-018: A quantidade de objetos excede o limite de " + MAX_CODES + ".");
        }
        return answer(codigosObjetos, resultado, request);
    }

    @GetMapping("/srorastro/v1/objetos/{codigoObjeto}")
    ResponseEntity<Object> single(
            @PathVariable String codigoObjeto, @RequestParam(defaultValue = "T") String resultado, HttpServletRequest request) {
        return answer(List.of(codigoObjeto), resultado, request);
    }

    private ResponseEntity<Object> answer(List<String> codes, String resultado, HttpServletRequest request) {
        Result result = Result.of(resultado);
        if (result == null) {
            return CorreiosError.response(HttpStatus.BAD_REQUEST, request, "SRO-016: resultado deve ser T, P ou U.");
        }
        LocalDateTime now = clock.now();
        List<TrackedObject> objects = new ArrayList<>(codes.size());
        for (String code : codes) {
            objects.add(track(code.strip().toUpperCase(Locale.ROOT), result, now));
        }
        return ResponseEntity.ok(new TrackingResponse("2.1.3", objects.size(), result.label, objects));
    }

    private TrackedObject track(String code, Result result, LocalDateTime now) {
        if (!TrackingCode.isValid(code)) {
            return TrackedObject.message(code, "SRO-019: Objeto inválido");
        }
        Parcel parcel = parcels.byTrackingCode(code).orElse(null);
        List<TrackingEvent> events = parcel == null ? List.of() : parcel.eventsAt(now);
        if (parcel == null || events.isEmpty()) {
            return TrackedObject.message(code, "SRO-020: Objeto não encontrado na base de dados dos Correios.");
        }
        List<TrackingEvent> shown = switch (result) {
            case T -> events.reversed();
            case U -> List.of(events.getLast());
            case P -> List.of(events.getFirst());
        };
        parcel.served(shown, now);
        return new TrackedObject(code, new PostalType(code.substring(0, 2), parcel.service().trackingDescription(),
                parcel.service().category()), WireTime.format(parcel.expectedDelivery().atTime(23, 59)), "F",
                parcel.weightGrams() / 1000.0, "Pacote", shown, null);
    }

    private enum Result {
        T("Todos os Eventos"), U("Último evento"), P("Primeiro evento");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        static @Nullable Result of(String value) {
            for (Result result : values()) {
                if (result.name().equalsIgnoreCase(value.strip())) {
                    return result;
                }
            }
            return null;
        }
    }

    record TrackingResponse(String versao, int quantidade, String resultado, List<TrackedObject> objetos) {}

    /** An object with its events, or only {@code codObjeto} and {@code mensagem}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrackedObject(
            String codObjeto,
            @Nullable PostalType tipoPostal,
            @Nullable String dtPrevista,
            @Nullable String modalidade,
            @Nullable Double peso,
            @Nullable String formato,
            @Nullable List<TrackingEvent> eventos,
            @Nullable String mensagem) {

        static TrackedObject message(String code, String message) {
            return new TrackedObject(code, null, null, null, null, null, null, message);
        }
    }

    record PostalType(String sigla, String descricao, String categoria) {}
}
