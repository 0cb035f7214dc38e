package br.com.techassist.shipments.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataFieldsTest {

    @Test
    void findsThePersonalDataOfARegistrationAndNothingElse() {
        var values = PersonalDataFields.valuesIn(EventSamples.shipmentRegistered());

        assertThat(values).contains("Maria da Silva", "11987654321", "1133334444", "maria@example.com", "Rua das Flores",
                "01001-000", "frágil");
        assertThat(values).doesNotContain(EventSamples.TRACKING_CODE, "PP-2026-000123", "SEDEX CONTRATO AG",
                "Notebook reparado", "NF-000456");
        assertThat(values).as("too short to identify anyone").doesNotContain("SP", "123");
    }

    @Test
    void findsThePhoneOfAContactAndTheRecipientOfANotification() {
        assertThat(PersonalDataFields.valuesIn(EventSamples.contactValidated()))
                .containsExactly("(11) 98765-4321", "+5511987654321", "551187654321");
        assertThat(PersonalDataFields.valuesIn(EventSamples.notificationSent())).containsExactly("5511*****4321");
    }

    @Test
    void theAddressOfACorreiosUnitAndTheErasureEventsAreNoPersonalData() {
        assertThat(PersonalDataFields.valuesIn(EventSamples.shipmentStatusChanged())).isEmpty();
        assertThat(PersonalDataFields.valuesIn(EventSamples.personalDataErasureRequested())).isEmpty();
        assertThat(PersonalDataFields.valuesIn(EventSamples.personalDataErased())).isEmpty();
    }

    @Test
    void namesEveryPersonalDataProperty() {
        assertThat(PersonalDataFields.names()).contains("recipient", "notes", "email", "whatsappId", "e164", "input");
    }
}
