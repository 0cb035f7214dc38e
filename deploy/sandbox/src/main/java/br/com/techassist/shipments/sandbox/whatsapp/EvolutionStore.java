package br.com.techassist.shipments.sandbox.whatsapp;

import br.com.techassist.shipments.sandbox.SandboxProperties;
import br.com.techassist.shipments.sandbox.faults.Faults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Evolution's message table: the texts sent and received, with the statuses each reached
 * ({@code MessageUpdate}). Nothing is stored while the knob {@code evolutionStorageOff} is on, as
 * with {@code DATABASE_SAVE_DATA_NEW_MESSAGE=false}; beyond {@code sandbox.whatsapp.max-kept-messages}
 * the oldest are dropped. Thread-safe.
 */
@Component
class EvolutionStore {

    private final ConcurrentHashMap<String, Stored> byKeyId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Faults faults;
    private final int maxKept;

    EvolutionStore(Faults faults, SandboxProperties properties) {
        this.faults = faults;
        this.maxKept = properties.whatsapp().maxKeptMessages();
    }

    /**
     * A stored message.
     *
     * @param id the row id (a UUID, as Evolution's Prisma ids)
     * @param sequence insertion order, to keep equal timestamps newest first
     */
    record Stored(String id, long sequence, EvolutionKey key, String pushName, String text, long messageTimestamp,
            String instanceId, String source, List<String> statuses) {

        Stored withStatus(String status) {
            List<String> more = new ArrayList<>(statuses);
            more.add(status);
            return new Stored(id, sequence, key, pushName, text, messageTimestamp, instanceId, source, List.copyOf(more));
        }

        /** The record as {@code findMessages} answers it. */
        Map<String, Object> record() {
            Map<String, Object> record = new java.util.LinkedHashMap<>();
            record.put("id", id);
            record.put("key", key);
            record.put("pushName", pushName);
            record.put("messageType", "conversation");
            record.put("message", Map.of("conversation", text));
            record.put("messageTimestamp", messageTimestamp);
            record.put("instanceId", instanceId);
            record.put("source", source);
            record.put("contextInfo", null);
            record.put("MessageUpdate", statuses.stream().map(status -> Map.of("status", status)).toList());
            return record;
        }
    }

    /** Stores a message unless storage is off; its row id, or empty when not stored. */
    Optional<String> store(EvolutionKey key, String pushName, String text, Instant at, String instanceId, String source) {
        if (faults.whatsapp().evolutionStorageOff()) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        byKeyId.put(key.id(), new Stored(id, sequence.incrementAndGet(), key, pushName, text, at.getEpochSecond(),
                instanceId, source, List.of()));
        order.add(key.id());
        while (byKeyId.size() > maxKept) { // the oldest are dropped, like the inspection list
            String oldest = order.poll();
            if (oldest == null) {
                break;
            }
            byKeyId.remove(oldest);
        }
        return Optional.of(id);
    }

    /** Records a status reached by a stored message; the message's row id, or empty when it is not stored. */
    Optional<String> status(String keyId, String status) {
        Stored updated = byKeyId.computeIfPresent(keyId, (id, stored) -> stored.withStatus(status));
        return Optional.ofNullable(updated).map(Stored::id);
    }

    /** The page of the messages matching {@code filter}, newest first. */
    Page find(Predicate<Stored> filter, int page, int pageSize) {
        List<Stored> matching = byKeyId.values().stream()
                .filter(filter)
                .sorted(Comparator.comparingLong(Stored::messageTimestamp).thenComparingLong(Stored::sequence).reversed())
                .toList();
        int from = Math.min(matching.size(), (page <= 1 ? 0 : page - 1) * pageSize);
        int to = Math.min(matching.size(), from + pageSize);
        return new Page(matching.size(), matching.subList(from, to));
    }

    void clear() {
        byKeyId.clear();
        order.clear();
    }

    /** A page of stored messages and the total that matched. */
    record Page(int total, List<Stored> records) {}

    /** The filter of a {@code findMessages} query, as Evolution applies it. */
    static Predicate<Stored> filter(@Nullable String keyId, @Nullable Boolean fromMe, @Nullable String remoteJid,
            @Nullable Long gte, @Nullable Long lte) {
        return stored -> (keyId == null || keyId.equals(stored.key().id()))
                && (fromMe == null || !fromMe || stored.key().fromMe())
                && (remoteJid == null || stored.key().matches(remoteJid))
                && (gte == null || lte == null
                        || (stored.messageTimestamp() >= gte && stored.messageTimestamp() <= lte));
    }
}
