package br.com.techassist.shipments.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

class MaskingDeadLetterRecovererTest {

    private static final String PERSONAL = "cannot reach +55 43 99999-0021 (maria@example.com, CPF 529.982.247-25)";

    @Test
    void exceptionMessagesAndStackTracesAreMaskedAndTheOtherHeadersKept() {
        var headers = new RecordHeaders();
        headers.add("ce_subject", bytes("DG049186226BR"));
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, bytes("br.com.techassist.shipments.support.kafka.PoisonRecordException"));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes(PERSONAL));
        headers.add(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, bytes("PoisonRecordException: " + PERSONAL + "\n\tat Foo.bar(Foo.java:12)"));
        headers.add(KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE, bytes("key 5543999990021"));

        MaskingDeadLetterRecoverer.maskExceptionText(headers);

        String masked = "cannot reach +55 43 9****-0021 (m****@example.com, CPF ***.***.***-**)";
        assertThat(text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).containsExactly(masked);
        assertThat(text(headers, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                .containsExactly("PoisonRecordException: " + masked + "\n\tat Foo.bar(Foo.java:12)");
        assertThat(text(headers, KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE)).containsExactly("key +55 43 9****-0021");
        assertThat(text(headers, "ce_subject")).containsExactly("DG049186226BR");
        assertThat(text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN)).hasSize(1);
    }

    @Test
    void everyValueOfARepeatedHeaderIsMasked() {
        var headers = new RecordHeaders();
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes("first +55 43 99999-0021"));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes("second maria@example.com"));

        MaskingDeadLetterRecoverer.maskExceptionText(headers);

        assertThat(text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .containsExactly("first +55 43 9****-0021", "second m****@example.com");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> text(RecordHeaders headers, String name) {
        return Arrays.stream(headers.toArray()).filter(h -> h.key().equals(name)).map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }
}
