package br.com.techassist.shipments.sandbox.whatsapp;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fake Evolution {@code POST /chat/findMessages/{instance}} over the messages the fake stored, with
 * Evolution's filters (key id, {@code fromMe} when true, {@code remoteJid} or {@code remoteJidAlt},
 * the timestamp window only when both ends are given), newest first, {@code offset} as page size.
 */
@RestController
class EvolutionMessagesController {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private final EvolutionInstance instance;
    private final EvolutionStore store;

    EvolutionMessagesController(EvolutionInstance instance, EvolutionStore store) {
        this.instance = instance;
        this.store = store;
    }

    @PostMapping("/chat/findMessages/{instance}")
    ResponseEntity<Object> findMessages(@PathVariable("instance") String name,
            @RequestHeader(value = "apikey", required = false) @Nullable String apiKey,
            @RequestBody(required = false) @Nullable Query query) {
        ResponseEntity<Object> refused = instance.refuse(name, apiKey);
        if (refused != null) {
            return refused;
        }
        Query asked = query != null ? query : new Query(null, null, null);
        Where where = asked.where() != null ? asked.where() : new Where(null, null);
        Key key = where.key() != null ? where.key() : new Key(null, null, null);
        Window window = where.messageTimestamp() != null ? where.messageTimestamp() : new Window(null, null);
        if (isEmpty(key.remoteJid()) || isEmpty(key.id())) {
            return ResponseEntity.badRequest().body(WhatsAppErrors.evolution(400, "Bad Request",
                    List.of(List.of("The property cannot be empty"))));
        }
        Long gte;
        Long lte;
        try {
            gte = epochSeconds(window.gte());
            lte = epochSeconds(window.lte());
        } catch (DateTimeParseException e) {
            return ResponseEntity.internalServerError().body(WhatsAppErrors.evolution(500, "Internal Server Error",
                    "Invalid time value"));
        }
        int pageSize = asked.offset() != null && asked.offset() > 0 ? asked.offset() : DEFAULT_PAGE_SIZE;
        int page = asked.page() != null && asked.page() > 0 ? asked.page() : 1;
        EvolutionStore.Page found = store.find(EvolutionStore.filter(key.id(), key.fromMe(), key.remoteJid(), gte, lte),
                page, pageSize);
        return ResponseEntity.ok(Map.of("messages", Map.of(
                "total", found.total(),
                "pages", (found.total() + pageSize - 1) / pageSize,
                "currentPage", page,
                "records", found.records().stream().map(EvolutionStore.Stored::record).toList())));
    }

    private static boolean isEmpty(@Nullable String value) {
        return value != null && value.isEmpty();
    }

    /** JavaScript's {@code Math.floor(new Date(iso).getTime() / 1000)} for an ISO-8601 instant. */
    private static @Nullable Long epochSeconds(@Nullable String iso) {
        return iso == null || iso.isEmpty() ? null : OffsetDateTime.parse(iso).toEpochSecond();
    }

    record Query(@Nullable Where where, @Nullable Integer page, @Nullable Integer offset) {}

    record Where(@Nullable Key key, @Nullable Window messageTimestamp) {}

    record Key(@Nullable String id, @Nullable Boolean fromMe, @Nullable String remoteJid) {}

    record Window(@Nullable String gte, @Nullable String lte) {}
}
