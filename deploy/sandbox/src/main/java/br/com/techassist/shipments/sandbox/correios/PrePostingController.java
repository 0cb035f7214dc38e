package br.com.techassist.shipments.sandbox.correios;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.clock.SimulatedClock;
import br.com.techassist.shipments.sandbox.scenario.Parcel;
import br.com.techassist.shipments.sandbox.scenario.Parcels;
import br.com.techassist.shipments.sandbox.scenario.PrePostingStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fake {@code GET /prepostagem/v2/prepostagens} (and v1): the pre-postings visible at the
 * simulated time, filtered by id, code or status and the creation-date window, paged
 * ({@code page} 0-based, {@code size} default 50), in creation order. A query that finds nothing
 * at all is answered 404 with the API's own "nothing found" message ({@link #NOTHING_FOUND}).
 *
 * <p>The creation-date window is read on the real calendar: the services that call the sandbox ask
 * with their real dates while the simulated clock may run ahead (with clock speed 1 and no
 * {@code sandbox.clock.start} the two calendars agree).
 */
@RestController
class PrePostingController {

    private static final int MAX_SIZE = 1000;
    private static final int MAX_WINDOW_DAYS = 30;

    /** The Pré-Postagem API's answer (HTTP 404) to a query that matches no pre-posting. */
    static final String NOTHING_FOUND = "PPN-011: Nenhuma pré-postagem encontrada para os parâmetros informados.";

    private final Parcels parcels;
    private final SimulatedClock clock;
    private final String postcard;

    PrePostingController(Parcels parcels, SimulatedClock clock, SandboxProperties properties) {
        this.parcels = parcels;
        this.clock = clock;
        this.postcard = properties.correios().postcard();
    }

    @GetMapping({"/prepostagem/v2/prepostagens", "/prepostagem/v1/prepostagens"})
    ResponseEntity<Object> list(
            @RequestParam(required = false) @Nullable String id,
            @RequestParam(required = false) @Nullable String codigoObjeto,
            @RequestParam(required = false) @Nullable String eTicket,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String dataInicialCriacaoPrePostagem,
            @RequestParam(required = false) @Nullable String dataFinalCriacaoPrePostagem,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            HttpServletRequest request) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            return bad(request, "PPN-400: Parâmetros de paginação inválidos (page >= 0, 1 <= size <= " + MAX_SIZE + ").");
        }
        LocalDateTime now = clock.now();
        Predicate<Parcel> filter;
        if (id != null && !id.isBlank()) {
            filter = parcel -> parcel.id().equals(id.strip());
        } else if (codigoObjeto != null && !codigoObjeto.isBlank()) {
            filter = parcel -> parcel.trackingCode().equalsIgnoreCase(codigoObjeto.strip());
        } else if (eTicket != null && !eTicket.isBlank()) {
            filter = parcel -> false;
        } else {
            PrePostingStatus wanted = status(status);
            if (wanted == null) {
                return bad(request, "PPN-102: Informe o status (PREATENDIDO, PREPOSTADO, POSTADO, EXPIRADO, CANCELADO,"
                        + " ESTORNADO) quando id, codigoObjeto ou eTicket não forem informados.");
            }
            Window window;
            try {
                window = Window.of(wanted, dataInicialCriacaoPrePostagem, dataFinalCriacaoPrePostagem);
            } catch (IllegalArgumentException e) {
                return bad(request, e.getMessage());
            }
            filter = parcel -> parcel.statusAt(now) == wanted
                    && (window == null || window.contains(clock.realDateOf(parcel.prePostedAt())));
        }
        Predicate<Parcel> visible = parcel -> parcel.isPrePosted(now);
        Parcels.Page found = parcels.page(visible.and(filter), page, size);
        if (found.total() == 0) {
            return CorreiosError.response(HttpStatus.NOT_FOUND, request, NOTHING_FOUND);
        }
        List<PrePostingItem> items = found.items().stream().map(parcel -> PrePostingItem.of(parcel, postcard, now)).toList();
        return ResponseEntity.ok(new PrePostingPage(items, PageInfo.of(page, size, items.size(), found.total())));
    }

    private static @Nullable PrePostingStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PrePostingStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The creation-date window of a status query (both ends inclusive, at most 30 days). */
    record Window(LocalDate from, LocalDate to) {

        /**
         * The window asked for, null when none is (allowed only for PREPOSTADO and PREATENDIDO).
         *
         * @throws IllegalArgumentException with the API's message when the dates are missing or invalid
         */
        static @Nullable Window of(PrePostingStatus status, @Nullable String from, @Nullable String to) {
            boolean required = status != PrePostingStatus.PREPOSTADO && status != PrePostingStatus.PREATENDIDO;
            if (from == null && to == null && !required) {
                return null;
            }
            if (from == null || to == null) {
                throw new IllegalArgumentException("PPN-103: dataInicialCriacaoPrePostagem e dataFinalCriacaoPrePostagem"
                        + " são obrigatórias para o status " + status + ".");
            }
            Window window;
            try {
                window = new Window(LocalDate.parse(from), LocalDate.parse(to));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("PPN-105: Datas devem estar no formato AAAA-MM-DD.", e);
            }
            long days = ChronoUnit.DAYS.between(window.from(), window.to());
            if (days < 0 || days > MAX_WINDOW_DAYS) {
                throw new IllegalArgumentException("PPN-104: O período de criação deve ter no máximo 30 dias.");
            }
            return window;
        }

        boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    private static ResponseEntity<Object> bad(HttpServletRequest request, String message) {
        return CorreiosError.response(HttpStatus.BAD_REQUEST, request, message);
    }

    record PrePostingPage(List<PrePostingItem> itens, PageInfo page) {}

    /**
     * {@code page}: {@code numberElements} = items on this page, {@code count} = items in all pages.
     */
    record PageInfo(int size, int numberElements, int totalPages, int number, int count, boolean next,
            boolean previous, boolean first, boolean last) {

        static PageInfo of(int page, int size, int onPage, int total) {
            int totalPages = (total + size - 1) / size;
            boolean next = page + 1 < totalPages;
            return new PageInfo(size, onPage, totalPages, page, total, next, page > 0, page == 0, !next);
        }
    }
}
