package br.com.techassist.shipments.phone.contact;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.ContactValidated;
import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.ContactValidated.PhoneType;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.Topics;
import br.com.techassist.shipments.support.kafka.EventPublisher;
import br.com.techassist.shipments.testsupport.IntegrationTest;
import br.com.techassist.shipments.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With the Meta Cloud API there is no existence check: valid numbers are published UNVERIFIED at once. */
@IntegrationTest(properties = "phone.provider=cloud-api")
class CloudApiContactIT {

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void validNumbersArePublishedUnverifiedWithTheirE164FormAndInvalidOnesAsInvalid() throws Exception {
        String mobile = newTrackingCode();
        String landline = newTrackingCode();
        String junk = newTrackingCode();
        try (var contacts = TopicRecorder.start(Topics.CONTACTS)) {
            register(mobile, new Phone("43", "9999-0031"), null);
            register(landline, null, new Phone("43", "3322-0032"));
            register(junk, new Phone("43", "0"), null);

            ContactValidated m = await(contacts, mobile);
            assertThat(m.status()).isEqualTo(ContactStatus.UNVERIFIED);
            assertThat(m.e164()).isEqualTo("+5543999990031");
            assertThat(m.whatsappId()).isEqualTo("5543999990031");
            assertThat(m.phoneType()).isEqualTo(PhoneType.MOBILE);
            assertThat(m.provider()).isEqualTo("cloud-api");
            ContactValidated l = await(contacts, landline);
            assertThat(l.status()).isEqualTo(ContactStatus.UNVERIFIED);
            assertThat(l.whatsappId()).isEqualTo("554333220032");
            assertThat(l.phoneType()).isEqualTo(PhoneType.LANDLINE);
            assertThat(await(contacts, junk).status()).isEqualTo(ContactStatus.INVALID);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE status = 'PENDING' AND tracking_code IN (?, ?, ?)")
                .params(mobile, landline, junk).query(Integer.class).single()).isZero();
    }

    private static ContactValidated await(TopicRecorder contacts, String code) {
        return contacts.await(ContactValidated.class, c -> c.trackingCode().equals(code), 1, Duration.ofSeconds(30))
                .getFirst();
    }

    private void register(String code, Phone mobile, Phone landline) throws Exception {
        publisher.publish(TestParcels.registration(code, mobile, landline)).get(10, TimeUnit.SECONDS);
    }

    private static String newTrackingCode() {
        return TestParcels.newTrackingCode("CA");
    }
}
