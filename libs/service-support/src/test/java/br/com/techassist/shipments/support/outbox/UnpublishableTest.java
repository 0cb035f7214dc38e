package br.com.techassist.shipments.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

/** Only a failure of the record itself parks it; the broker being away never does. */
class UnpublishableTest {

    @Test
    void aRecordTooLargeOrNotSerialisableCanNeverBePublished() {
        var tooLarge = new KafkaProducerException(null, "send failed",
                new RecordTooLargeException("The message is 70000 bytes when serialized which is larger than 16384"));

        assertThat(Unpublishable.reason(tooLarge)).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("too large for Kafka: The message is 70000 bytes when serialized which is larger than 16384"));
        assertThat(Unpublishable.reason(new SerializationException("{\"name\":\"Maria\"} lacks eventId")))
                .hasValue("SerializationException (the record cannot be sent as it is)");
        assertThat(Unpublishable.reason(new Unpublishable.UnreadableRowException("unknown event type x", null)))
                .hasValue("unknown event type x");
    }

    @Test
    void aBrokerThatIsAwayOrSlowIsRetried() {
        assertThat(Unpublishable.reason(new KafkaProducerException(null, "send failed",
                new TimeoutException("Expiring 3 record(s)")))).isEmpty();
        assertThat(Unpublishable.reason(new NetworkException("disconnected"))).isEmpty();
        assertThat(Unpublishable.reason(new NotLeaderOrFollowerException("moved"))).isEmpty();
        assertThat(Unpublishable.reason(new java.util.concurrent.TimeoutException("no acknowledgement in time"))).isEmpty();
    }
}
