package br.com.techassist.shipments.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The topic scan of the end-to-end test finds what it is meant to find, and only that. */
class PersonalDataScanTest {

    private final PersonalDataScan scan = new PersonalDataScan(List.of("Ana Erasmo Lgpd"), List.of("5568999990771"));

    @Test
    void personalDataInsideTheMarkedFieldsIsAllowed() {
        String registered = """
                {"trackingCode":"AA123456785BR","recipient":{"name":"Ana Erasmo Lgpd","mobile":{"areaCode":"68",
                "number":"999990771"},"email":"ana@example.com.br"},"input":"(68) 99999-0771","whatsappId":"556899990771"}""";
        assertThat(scan.findingsIn("t", bytes(registered), new RecordHeaders())).isEmpty();
    }

    @Test
    void aNamePhoneEmailOrCpfOutsideThemIsFound() {
        String alert = """
                {"trackingCode":"AA123456785BR","message":"Ana Erasmo Lgpd has no WhatsApp on 68 99990771",
                "details":{"contact":"ana@example.com.br","doc":"123.456.789-09"}}""";
        List<String> found = scan.findingsIn("t", bytes(alert), new RecordHeaders());
        assertThat(found).hasSize(4).anyMatch(f -> f.contains("name")).anyMatch(f -> f.contains("phone"))
                .anyMatch(f -> f.contains("e-mail")).anyMatch(f -> f.contains("CPF"));
    }

    @Test
    void headersAreScannedToo() {
        var headers = new RecordHeaders(List.of(new RecordHeader("kafka_dlt-exception-message",
                bytes("cannot parse 5568999990771"))));
        assertThat(scan.findingsIn("t", null, headers)).singleElement().asString().contains("header");
    }

    @Test
    void aMaskedPhoneIsNotAFinding() {
        assertThat(scan.findingsIn("t", bytes("{\"message\":\"no WhatsApp on (68) *****-0771\"}"), new RecordHeaders()))
                .isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
