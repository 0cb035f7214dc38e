package br.com.techassist.shipments.notifier;

import static br.com.techassist.shipments.notifier.SharedWhatsApp.sendsTo;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.notifier.notification.NotificationState;
import br.com.techassist.shipments.notifier.notification.OptOuts;
import br.com.techassist.shipments.support.privacy.PersonalDataKeys;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Opt-outs are kept as keyed hashes of the number, never the number; those kept as digits before are rehashed at start. */
class OptOutKeysIT extends NotifierITSupport {

    @Autowired
    OptOuts optOuts;

    @Autowired
    PersonalDataKeys keys;

    /** The start-up step, called here as Spring calls it once every bean exists (before the dispatcher starts). */
    @Autowired
    @Qualifier("legacyOptOutKeys")
    SmartInitializingSingleton rehashAtStart;

    @Test
    void anOptOutIsKeptAsAHashAndStopsTheNumberWithAndWithoutTheNinthDigit() {
        String phone = newPhone("68");
        String withoutNinth = withoutNinthDigit(phone);

        assertThat(optOuts.record("+" + phone, "SAIR")).isTrue();
        assertThat(optOuts.record(withoutNinth, "PARAR")).as("the same person").isFalse();

        String key = keys.phone(phone).orElseThrow();
        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(jdbc.sql("SELECT keyword FROM opt_out WHERE phone_key = ?").param(key).query(String.class).single())
                .isEqualTo("SAIR");
        assertThat(digitsStored(phone)).as("no digits of the number in opt_out").isZero();
        assertThat(optOuts.isOptedOut(phone)).isTrue();
        assertThat(optOuts.isOptedOut(withoutNinth)).isTrue();
        assertThat(optOuts.isOptedOut("(68) " + phone.substring(4))).isTrue();
        String other = newPhone("68");
        assertThat(optOuts.optedOut(List.of(phone, withoutNinth, other))).containsExactlyInAnyOrder(phone, withoutNinth);

        String code = newTrackingCode();
        publish(contact(code, withoutNinth), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        assertThat(awaitState(code, NotificationKind.SHIPPED, NotificationState.SUPPRESSED).reason()).isEqualTo("opted_out");
        assertThat(sendsTo(withoutNinth)).isEmpty();
    }

    @Test
    void optOutsKeptAsDigitsBeforeAreRehashedAtStartAndKeepWorking() {
        String phone = newPhone("68");
        String alreadyHashed = newPhone("11");
        assertThat(optOuts.record(alreadyHashed, "SAIR")).isTrue();
        legacyOptOut(withoutNinthDigit(phone), "CANCELAR");
        legacyOptOut(withoutNinthDigit(alreadyHashed), "STOP"); // the same person, once as digits and once hashed

        rehashAtStart.afterSingletonsInstantiated();

        assertThat(digitsStored(phone)).isZero();
        assertThat(digitsStored(alreadyHashed)).isZero();
        assertThat(jdbc.sql("SELECT keyword FROM opt_out WHERE phone_key = ?").param(keys.phone(phone).orElseThrow())
                .query(String.class).single()).isEqualTo("CANCELAR");
        assertThat(optOuts.isOptedOut(phone)).isTrue();
        assertThat(optOuts.isOptedOut(withoutNinthDigit(phone))).isTrue();
        assertThat(optOuts.isOptedOut(alreadyHashed)).isTrue();
        assertThat(optOuts.rehashLegacyKeys()).as("a second start").isZero();

        String code = newTrackingCode();
        publish(contact(code, phone), statusChanged(code, Milestone.POSTED, unit("SAO PAULO", "SP")));
        assertThat(awaitState(code, NotificationKind.SHIPPED, NotificationState.SUPPRESSED).reason()).isEqualTo("opted_out");
        assertThat(sendsTo(phone)).isEmpty();
    }

    private void legacyOptOut(String digits, String keyword) {
        jdbc.sql("INSERT INTO opt_out (phone_key, keyword, created_at) VALUES (?, ?, ?)")
                .params(digits, keyword, Timestamp.from(clock().instant()))
                .update();
    }

    /** Opt-out rows whose key holds the last eight digits of the number. */
    private long digitsStored(String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM opt_out WHERE phone_key LIKE ?")
                .param("%" + phone.substring(phone.length() - 8) + "%")
                .query(Long.class)
                .single();
    }

    private static String withoutNinthDigit(String phone) {
        return phone.substring(0, 4) + phone.substring(5);
    }
}
