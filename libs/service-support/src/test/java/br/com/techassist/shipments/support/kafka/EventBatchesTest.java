package br.com.techassist.shipments.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.techassist.shipments.model.ShipmentAlert;
import br.com.techassist.shipments.model.ShipmentEvent;
import br.com.techassist.shipments.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@link EventBatches} with a fake transaction that keeps what a handler wrote only when it
 * returned normally: what is committed before each failure, and which record index the error
 * handler is told about.
 */
class EventBatchesTest {

    /** What handlers wrote in committed transactions, and how many transactions there were. */
    private final List<String> committed = new ArrayList<>();
    private final List<List<String>> transactionsRun = new ArrayList<>();
    private List<String> staged = new ArrayList<>();

    private final TransactionOperations fakeTransactions = new TransactionOperations() {
        @Override
        public <R> R execute(TransactionCallback<R> action) {
            staged = new ArrayList<>();
            TransactionStatus status = new SimpleTransactionStatus(true);
            R result = action.doInTransaction(status); // an exception leaves staged uncommitted: a rollback
            committed.addAll(staged);
            transactionsRun.add(List.copyOf(staged));
            return result;
        }
    };

    private final EventBatches batches = new EventBatches(fakeTransactions);

    @Test
    void aBatchOfValidRecordsIsHandledInOneTransactionInOrder() {
        batches.process(records("a", "b", "c", "d"), this::message, this::write);

        assertThat(committed).containsExactly("a", "b", "c", "d");
        assertThat(transactionsRun).hasSize(1);
    }

    @Test
    void thePoisonRecordIsReportedByIndexAfterTheRecordsBeforeItWereCommitted() {
        assertThatThrownBy(() -> batches.process(records("a", "b", "poison", "d"), this::message, this::write))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(PoisonRecordException.class);
                    assertThat(e.getMessage()).contains("rejected: poison");
                });
        assertThat(committed).as("d comes again in the next poll, after the poison one").containsExactly("a", "b");
    }

    @Test
    void anUndecodableRecordIsPoisonWithTheDeserializationExceptionAsCause() {
        var records = new ArrayList<>(records("a"));
        var headers = new RecordHeaders();
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        SerializationUtils.deserializationException(headers, garbage,
                new DeserializationException("failed to deserialize", garbage, false, new IllegalStateException("bad")), false);
        records.add(new ConsumerRecord<>(Topics.ALERTS, 0, 1, 0L, TimestampType.CREATE_TIME, 0, 0, "k", null, headers,
                java.util.Optional.empty()));

        assertThatThrownBy(() -> batches.process(records, this::message, this::write))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(DeserializationException.class);
                });
        assertThat(committed).containsExactly("a");
    }

    @Test
    void aPoisonFirstRecordOpensNoTransaction() {
        assertThatThrownBy(() -> batches.process(records("poison", "b"), this::message, this::write))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isZero());
        assertThat(transactionsRun).isEmpty();
    }

    @Test
    void anyFailureOfValidationIsThatRecordsNotTheBatchs() {
        EventBatches.Validator<String> brokenOnC = record -> {
            String message = message(record);
            if (message.equals("c")) {
                throw new NullPointerException("a field the validator did not expect to be null");
            }
            return message;
        };

        assertThatThrownBy(() -> batches.process(records("a", "b", "c", "d"), brokenOnC, this::write))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(NullPointerException.class);
                });
        assertThat(committed).containsExactly("a", "b");
    }

    @Test
    void anOutageFailsTheWholeBatchAtItsFirstRecordSoNothingIsCommittedOrBlamed() {
        Consumer<List<String>> databaseAway = items -> {
            throw new CannotGetJdbcConnectionException("database away");
        };

        assertThatThrownBy(() -> batches.process(records("a", "b", "c"), this::message, databaseAway::accept))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isZero();
                    assertThat(e.getCause()).isInstanceOf(CannotGetJdbcConnectionException.class);
                });
        assertThat(committed).isEmpty();
    }

    @Test
    void anyOtherFailureIsTracedToItsRecordOneTransactionAtATime() {
        EventBatches.Handler<String> failsOnC = items -> {
            write(items);
            if (items.contains("c")) {
                throw new IllegalStateException("c breaks a constraint");
            }
        };

        assertThatThrownBy(() -> batches.process(records("a", "b", "c", "d"), this::message, failsOnC))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).hasMessage("c breaks a constraint");
                });
        assertThat(committed).as("the batch rolled back, then a and b alone were committed").containsExactly("a", "b");
    }

    @Test
    void anOutageWhileGoingOneByOneIsReportedAtThatRecordAfterTheOnesBeforeWereCommitted() {
        EventBatches.Handler<String> handler = items -> {
            if (items.size() > 1) {
                throw new IllegalStateException("some record is at fault");
            }
            if (items.contains("b")) {
                throw new CannotGetJdbcConnectionException("database away");
            }
            write(items);
        };

        assertThatThrownBy(() -> batches.process(records("a", "b", "c"), this::message, handler))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(CannotGetJdbcConnectionException.class);
                });
        assertThat(committed).containsExactly("a");
    }

    private void write(List<String> items) {
        staged.addAll(items);
    }

    /** The validator: an alert's message, rejected when it is "poison". */
    private String message(ConsumerRecord<String, ShipmentEvent> record) {
        String message = ((ShipmentAlert) record.value()).message();
        if ("poison".equals(message)) {
            throw new PoisonRecordException("rejected: " + message);
        }
        return message;
    }

    private static List<ConsumerRecord<String, ShipmentEvent>> records(String... messages) {
        List<ConsumerRecord<String, ShipmentEvent>> records = new ArrayList<>();
        for (String message : messages) {
            ShipmentEvent alert = new ShipmentAlert(UUID.randomUUID(), OffsetDateTime.now(), "DG049186226BR",
                    ShipmentAlert.AlertType.STALLED, ShipmentAlert.Severity.INFO, message, Map.of());
            records.add(new ConsumerRecord<>(Topics.ALERTS, 0, records.size(), "DG049186226BR", alert));
        }
        return records;
    }
}
