package br.com.techassist.shipments.support.kafka;

import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.support.Outages;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The mechanics of a batch listener ({@code @KafkaListener(batch = "true")}) over the event
 * contract, the same in every service: a poll's records are handled in one database transaction,
 * with the guarantees of a record listener kept.
 *
 * <ul>
 *   <li>Records are decoded (a value the {@code ErrorHandlingDeserializer} could not read is null
 *       in a batch, its exception in a header) and validated by the service, in order.</li>
 *   <li>The valid records before the first poison one are handled together in one transaction,
 *       <em>committed</em> before the poison record is reported with a
 *       {@link BatchListenerFailedException} carrying its index: the shared error handler then
 *       commits the offsets before it, dead-letters it (counted and logged as for a record
 *       listener) and redelivers the records after it.</li>
 *   <li>A batch transaction that fails because the database or broker is away
 *       ({@link Outages}) is reported at the first record, so nothing is committed or
 *       dead-lettered and the batch comes again with the outage back-off. Any other failure is
 *       not blamed on the batch: its records are handled again one transaction each, and the one
 *       that fails is reported by its index (retried, then dead-lettered as before).</li>
 * </ul>
 *
 * The service's handler must be idempotent (a redelivered batch changes nothing) and must apply
 * the items in the order given (the records of a tracking code are in one partition, in order).
 */
public final class EventBatches {

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(EventBatches.class);

    /** Turns one decoded record into what the handler needs, or rejects it as poison. */
    @FunctionalInterface
    public interface Validator<T> {
        /**
         * @param record a record whose value was decoded (never null)
         * @throws PoisonRecordException for a record that can never be processed (dead-lettered at once);
         *     any other exception is reported for this record too, and retried as the error handler classifies it
         */
        T validate(ConsumerRecord<String, ShipmentEvent> record);
    }

    /** Handles valid items, in record order, inside one transaction the caller opened. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(List<T> items);
    }

    private final TransactionOperations transactions;

    public EventBatches(TransactionOperations transactions) {
        this.transactions = transactions;
    }

    /**
     * Handles a poll's records as described above.
     *
     * @throws BatchListenerFailedException naming the record the error handler must deal with
     */
    public <T> void process(List<ConsumerRecord<String, ShipmentEvent>> records, Validator<T> validator,
            Handler<T> handler) {
        List<T> valid = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, ShipmentEvent> record = records.get(i);
            RuntimeException poison = poisonOf(record);
            if (poison == null) {
                try {
                    valid.add(validator.validate(record));
                } catch (RuntimeException rejected) { // any failure here is this record's: never the whole batch's
                    poison = rejected;
                }
            }
            if (poison != null) {
                handle(records, valid, handler); // committed before the error handler commits their offsets
                throw new BatchListenerFailedException(describe(record) + ": " + poison.getMessage(), poison, i);
            }
        }
        handle(records, valid, handler);
    }

    /** Handles the first {@code items.size()} records of the batch: together, or one by one to find a culprit. */
    private <T> void handle(List<ConsumerRecord<String, ShipmentEvent>> records, List<T> items, Handler<T> handler) {
        if (items.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> handler.handle(items));
            log.debug("{} records of {} handled in one transaction", items.size(), describe(records.getFirst()));
            return;
        } catch (RuntimeException e) {
            if (items.size() == 1 || Outages.isOutage(e)) {
                throw new BatchListenerFailedException(describe(records.getFirst()) + ": " + e.getMessage(), e, 0);
            }
            log.warn("a batch of {} records from {} failed ({}); handling them one at a time to find the record at fault",
                    items.size(), describe(records.getFirst()), e.toString());
        }
        for (int i = 0; i < items.size(); i++) {
            List<T> one = List.of(items.get(i));
            try {
                transactions.executeWithoutResult(status -> handler.handle(one));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(describe(records.get(i)) + ": " + e.getMessage(), e, i);
            }
        }
    }

    /** Why this record cannot even be validated: its value could not be decoded, or it has none. */
    private static RuntimeException poisonOf(ConsumerRecord<String, ShipmentEvent> record) {
        DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(record,
                KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        if (undecodable != null) {
            return undecodable;
        }
        return record.value() == null ? new PoisonRecordException("the record has no value") : null;
    }

    private static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
