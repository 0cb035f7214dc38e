package br.com.techassist.shipments.support.deadletter;

import br.com.techassist.shipments.model.TrackingCode;
import br.com.techassist.shipments.support.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Republishes dead-letter records to the topic they failed on, as they were (key, value, headers
 * without the dead-letter ones) plus {@code shipments_replayed_from}. The replay is recorded and
 * audited in one transaction that commits only once the broker acknowledged every record, so a
 * replay that failed leaves no record of itself and can be tried again. Consumers are idempotent: a
 * record replayed twice changes nothing the second time.
 */
public class DeadLetterReplayer {

    /** What a replay did. */
    public record Replayed(String topic, int replayed, int forced) {}

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);

    private final DeadLetterLog deadLetters;
    private final DeadLetterReplays replays;
    private final AuditTrail audit;
    private final KafkaTemplate<byte[], byte[]> template;
    private final TransactionOperations transactions;
    private final DeadLetterProperties props;
    private final Clock clock;

    public DeadLetterReplayer(DeadLetterLog deadLetters, DeadLetterReplays replays, AuditTrail audit,
            KafkaTemplate<byte[], byte[]> template, TransactionOperations transactions, DeadLetterProperties props,
            Clock clock) {
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.audit = audit;
        this.template = template;
        this.transactions = transactions;
        this.props = props;
        this.clock = clock;
    }

    /**
     * Replays what {@code request} names (its topic is one of this service's dead-letter topics).
     *
     * @throws AlreadyReplayedException when some were replayed before and the request does not force
     * @throws TooManyRecordsException when more than {@code max-replay} records match
     */
    public Replayed replay(ReplayRequest request) {
        List<ConsumerRecord<byte[], byte[]>> records = select(request);
        if (records.size() > props.maxReplay()) {
            throw new TooManyRecordsException(props.maxReplay());
        }
        var positions = records.stream().map(DeadLetterHeaders::position).toList();
        Set<DeadLetterReplays.Position> before = replays.replayed(request.topic(), positions);
        if (!before.isEmpty() && !request.forced()) {
            throw new AlreadyReplayedException(before.stream().sorted(java.util.Comparator
                    .comparingInt(DeadLetterReplays.Position::partition).thenComparingLong(DeadLetterReplays.Position::offset))
                    .map(Object::toString).toList());
        }
        String actor = actor();
        Instant at = clock.instant();
        transactions.executeWithoutResult(status -> {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                var position = DeadLetterHeaders.position(r);
                String originalTopic = DeadLetterHeaders.originalTopic(r);
                replays.record(position, before.contains(position), originalTopic, actor, at);
                audit.record("dead-letter.replayed", auditKey(r), Map.of("deadLetter", position.toString()),
                        after(originalTopic, before.contains(position)));
                sent.add(template.send(republished(r, originalTopic)));
            }
            awaitAll(sent);
        });
        log.info("replayed {} record(s) of {} ({} forced) by {}", records.size(), request.topic(), before.size(), actor);
        return new Replayed(request.topic(), records.size(), before.size());
    }

    private List<ConsumerRecord<byte[], byte[]>> select(ReplayRequest request) {
        if (request.keys() != null) {
            return deadLetters.withKeys(request.topic(), Set.copyOf(request.keys()), props.maxReplay());
        }
        if (request.rangeSize() > props.maxReplay()) {
            throw new TooManyRecordsException(props.maxReplay());
        }
        return deadLetters.range(request.topic(), request.partition(), request.fromOffset(), request.toOffset());
    }

    private static ProducerRecord<byte[], byte[]> republished(ConsumerRecord<byte[], byte[]> r, String originalTopic) {
        RecordHeaders headers = new RecordHeaders();
        r.headers().forEach(h -> {
            if (!DeadLetterHeaders.isDeadLetterHeader(h)) {
                headers.add(h);
            }
        });
        headers.add(DeadLetterHeaders.REPLAYED_FROM,
                DeadLetterHeaders.position(r).toString().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(originalTopic, null, r.key(), r.value(), headers);
    }

    private void awaitAll(List<CompletableFuture<?>> sent) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(props.brokerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the replay: " + e, e);
        }
    }

    private static Map<String, Object> after(String originalTopic, boolean forced) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("replayedTo", originalTopic);
        after.put("forced", forced);
        return after;
    }

    /** The audit record's parcel: the record's key when it is a tracking code, else {@code "-"}. */
    private static String auditKey(ConsumerRecord<byte[], byte[]> r) {
        String key = DeadLetterHeaders.key(r);
        return key != null && TrackingCode.isValid(key) ? TrackingCode.parse(key).value() : "-";
    }

    private static String actor() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() ? "system" : who.getName();
    }
}
