package br.com.techassist.shipments.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.ingest.H2Schema;
import br.com.techassist.shipments.model.PersonalDataErased;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The erasure confirmations' SQL on H2 in MySQL mode, as the standalone app runs it. */
class ErasureConfirmationsOnH2Test {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void confirmationsOfTheRequestsParcelsAreStoredOnceAndMakeItComplete() throws Exception {
        JdbcClient jdbc = JdbcClient.create(H2Schema.migrated());
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO erasure_request (id, requested_at, requested_by, identifier_kinds, parcels)"
                        + " VALUES (?, ?, 'ops', 'phone,document', 1)")
                .params(id.toString(), Timestamp.from(AT.toInstant())).update();
        jdbc.sql("INSERT INTO erasure_request_parcel (request_id, tracking_code) VALUES (?, 'DG049186226BR')")
                .param(id.toString()).update();
        var confirmations = new ErasureConfirmations(jdbc, new ErasureProperties(List.of("prepost-ingest", "notifier")));

        assertThat(confirmations.store(List.of(erased(id.toString(), "DG049186226BR", "notifier"),
                erased(id.toString(), "DG049186226BR", "notifier"), erased(id.toString(), "DG049186230BR", "notifier"),
                erased("retention-DG049186226BR", "DG049186226BR", "notifier")))).isOne();
        assertThat(confirmations.store(List.of(erased(id.toString(), "DG049186226BR", "notifier")))).isZero();
        ErasureProgress partly = confirmations.progress(id).orElseThrow();
        assertThat(partly.complete()).isFalse();
        assertThat(partly.identifierKinds()).containsExactly("phone", "document");
        assertThat(partly.parcels()).singleElement().satisfies(p -> {
            assertThat(p.confirmed()).containsExactly(new ErasureProgress.Confirmation("notifier", 2, AT.toInstant()));
            assertThat(p.awaiting()).containsExactly("prepost-ingest");
        });

        confirmations.store(List.of(erased(id.toString(), "DG049186226BR", "prepost-ingest")));

        assertThat(confirmations.progress(id).orElseThrow().status()).isEqualTo("complete");
        assertThat(confirmations.progress(UUID.randomUUID())).isEmpty();
    }

    private static PersonalDataErased erased(String requestId, String code, String service) {
        return new PersonalDataErased(PersonalDataErased.idFor(service, requestId, code), AT, code, requestId, service, 2);
    }
}
