package br.com.techassist.shipments.ingest.intake;

import static br.com.techassist.shipments.ingest.FakeCorreios.listing;
import static br.com.techassist.shipments.ingest.FakeCorreios.page;
import static br.com.techassist.shipments.ingest.FakeCorreios.tokenAnswer;
import static br.com.techassist.shipments.ingest.FakeCorreios.tokenRequest;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.correios.CorreiosTokenProvider;
import br.com.techassist.shipments.ingest.FakeCorreios;
import br.com.techassist.shipments.ingest.IngestIntegrationTest;
import br.com.techassist.shipments.support.privacy.RetentionTask;
import br.com.techassist.shipments.testsupport.MovableClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What is kept of rejected pre-postings (a masked excerpt) and for how long ({@code REJECTED_RETENTION}). */
@IngestIntegrationTest
class RejectedPrePostingPrivacyIT {

    @Autowired
    PrePostingIntake intake;

    @Autowired
    CorreiosTokenProvider tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    List<RetentionTask> retentionTasks;

    final WireMockServer correios = FakeCorreios.server();

    @BeforeEach
    void freshCorreios() {
        clock.set(Instant.now());
        correios.resetAll();
        tokens.evict();
        correios.stubFor(tokenRequest().willReturn(tokenAnswer("tok-rejects", Duration.ofDays(1))));
        correios.stubFor(listing("POSTADO", 0).willReturn(page(List.of(), 0, false)));
    }

    @AfterEach
    void realTime() {
        clock.set(Instant.now());
    }

    @Test
    void aRejectedItemIsStoredAsAMaskedExcerptThatStillShowsWhyItWasRejected() {
        String code = FakeCorreios.code("RJ", 30_000_001);
        Map<String, Object> item = FakeCorreios.item(code, 7);
        item.put("id", "PRX-RJ-1");
        @SuppressWarnings("unchecked")
        var recipient = new LinkedHashMap<>((Map<String, Object>) item.get("destinatario"));
        recipient.put("nome", "   ");
        recipient.put("cpfCnpj", "52998224725");
        recipient.put("obs", "CPF 529.982.247-25, falar com Joana");
        item.put("destinatario", recipient);
        item.put("observacao", "entregar a Joana Prado");
        serve(List.of(item));

        assertThat(intake.poll().rejected()).isEqualTo(1);

        String raw = jdbc.sql("SELECT raw_item FROM rejected_pre_posting WHERE pre_posting_id = 'PRX-RJ-1'")
                .query(String.class).single();
        assertThat(raw).doesNotContain("52998224725", "529.982", "Joana", "Rua Sergipe", "86010000", "maria7",
                "99990000", "33330007", "Apto 7", "TechAssist", "99999999");
        JsonNode excerpt = JsonMapper.builder().build().readTree(raw);
        assertThat(excerpt.get("id").asString()).isEqualTo("PRX-RJ-1");
        assertThat(excerpt.get("codigoObjeto").asString()).isEqualTo(code);
        assertThat(excerpt.get("codigoServico").asString()).isEqualTo("03298");
        assertThat(excerpt.at("/destinatario/nome").asString()).as("blank: why it was rejected").isEqualTo("-");
        assertThat(excerpt.at("/destinatario/cpfCnpj").asString()).isEqualTo("*(11 digits)");
        assertThat(excerpt.at("/destinatario/celular").asString()).isEqualTo("9****-0007");
        assertThat(excerpt.at("/destinatario/email").asString()).isEqualTo("m****@example.com");
        assertThat(excerpt.at("/destinatario/endereco/cidade").asString()).isEqualTo("Londrina");
        assertThat(excerpt.at("/destinatario/endereco/logradouro").asString()).isEqualTo("*(11 characters)");
        assertThat(excerpt.at("/itensDeclaracaoConteudo/0/conteudo").asString()).isEqualTo("Notebook reparado");
        assertThat(excerpt.at("/remetente/nome").asString()).isEqualTo("T*********");
    }

    @Test
    void theRetentionTaskDeletesRejectedItemsNotSeenForThirtyDaysInBoundedBatches() {
        RetentionTask task = retentionTasks.stream().filter(t -> t.name().equals("rejected_pre_posting")).findFirst()
                .orElseThrow();
        List<Map<String, Object>> old = List.of(nameless("RJ", 30_000_011), nameless("RJ", 30_000_012),
                nameless("RJ", 30_000_013));
        List<Map<String, Object>> recent = List.of(nameless("RJ", 30_000_014));
        clock.set(Instant.now().minus(Duration.ofDays(31)));
        serve(old);
        intake.poll();
        clock.set(Instant.now().minus(Duration.ofDays(29)));
        serve(recent);
        intake.poll();
        clock.set(Instant.now());
        assertThat(rejectedIds()).containsExactlyInAnyOrder("PRX-RJ-30000011", "PRX-RJ-30000012", "PRX-RJ-30000013",
                "PRX-RJ-30000014");

        assertThat(task.purge(Instant.now(), 2)).isEqualTo(2);
        int rest;
        do {
            rest = task.purge(Instant.now(), 2);
        } while (rest == 2);

        assertThat(rejectedIds()).containsExactly("PRX-RJ-30000014");
        assertThat(task.purge(Instant.now(), 2)).isZero();
        assertThat(task.purge(Instant.now().plus(Duration.ofDays(2)), 2)).as("30 days after it was last seen")
                .isEqualTo(1);
    }

    private List<String> rejectedIds() {
        return jdbc.sql("SELECT pre_posting_id FROM rejected_pre_posting WHERE pre_posting_id LIKE 'PRX-RJ-3%'")
                .query(String.class).list();
    }

    private static Map<String, Object> nameless(String prefix, int serial) {
        Map<String, Object> item = FakeCorreios.item(FakeCorreios.code(prefix, serial), 1);
        item.put("id", "PRX-" + prefix + "-" + serial);
        item.remove("destinatario");
        return item;
    }

    private void serve(List<Map<String, Object>> items) {
        correios.stubFor(listing("PREPOSTADO", 0).willReturn(page(items, 0, false)));
    }
}
