package br.com.techassist.shipments.tracking.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Milestone;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class MilestoneMappingTest {

    private static final String TABLE = "/milestone-mapping-v1.csv";

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvFileSource(resources = TABLE)
    void everyRowOfTheReferenceTableMapsToItsMilestone(String codigo, String tipo, Milestone expected) {
        if (tipo.equals("*")) {
            for (String sample : new String[] {"01", "13", "99"}) {
                if (MilestoneMapping.rowOf(codigo, sample).map(r -> r.tipo().equals("*")).orElse(false)) {
                    assertThat(MilestoneMapping.milestoneOf(event(codigo, sample))).contains(expected);
                }
            }
            assertThat(MilestoneMapping.rowOf(codigo, "*")).map(MilestoneMapping.Row::milestone).contains(expected);
        } else {
            assertThat(MilestoneMapping.milestoneOf(event(codigo, tipo))).contains(expected);
        }
    }

    @Test
    void theMappingHasExactlyTheRowsOfTheTestedTable() throws IOException {
        Set<String> tested;
        try (InputStream in = getClass().getResourceAsStream(TABLE)) {
            tested = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .collect(Collectors.toSet());
        }
        Set<String> mapped = MilestoneMapping.all().stream()
                .map(r -> r.codigo() + "," + r.tipo() + "," + r.milestone())
                .collect(Collectors.toSet());
        assertThat(mapped).hasSameSizeAs(MilestoneMapping.all()).isEqualTo(tested);
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
        "OEC, 01, OUT_FOR_DELIVERY", "OEC, 03, OUT_FOR_DELIVERY", "OEC, 09, RETURNING",
        "FC, 47, RETURNING", "FC, 10, IN_TRANSIT", "BDE, 56, RETURNING", "LDI, 11, AWAITING_PICKUP"
    })
    void anExactTipoWinsOverTheRowForAnyTipo(String codigo, String tipo, Milestone expected) {
        assertThat(MilestoneMapping.milestoneOf(event(codigo, tipo))).contains(expected);
    }

    @Test
    void aOneDigitTipoAndLowerCaseCodeAreNormalised() {
        assertThat(MilestoneMapping.milestoneOf(event("bde", "1"))).contains(Milestone.DELIVERED);
        assertThat(MilestoneMapping.milestoneOf(event(" PO ", " 01 "))).contains(Milestone.POSTED);
    }

    @ParameterizedTest(name = "{0}/{1} is unknown")
    @CsvSource({"BDE, 99", "XYZ, 01", "PAR, 01", "IDC, 08", "RO, 02"})
    void aPairOutsideTheTableIsUnknown(String codigo, String tipo) {
        assertThat(MilestoneMapping.milestoneOf(event(codigo, tipo))).isEmpty();
        assertThat(MilestoneMapping.isLabelEvent(event(codigo, tipo))).isFalse();
    }

    @Test
    void estIsARetractionWhateverItsTipoAndNoMilestone() {
        assertThat(MilestoneMapping.isRetraction(event("EST", "01"))).isTrue();
        assertThat(MilestoneMapping.isRetraction(event("EST", "09"))).isTrue();
        assertThat(MilestoneMapping.milestoneOf(event("EST", "01"))).isEmpty();
        assertThat(MilestoneMapping.isRetraction(event("BDE", "01"))).isFalse();
    }

    @Test
    void labelEventsAreRecognisedByTheirTextWhenTheirCodeIsUnknown() {
        assertThat(MilestoneMapping.isLabelEvent(new CorreiosEvent("XX", "01",
                "Etiqueta emitida – Aguardando postagem pelo remetente", null, null, null, null))).isTrue();
        assertThat(MilestoneMapping.isLabelEvent(new CorreiosEvent("YY", "02",
                "ETIQUETA EXPIRADA - Prazo para postagem encerrado", null, null, null, null))).isTrue();
        assertThat(MilestoneMapping.isLabelEvent(new CorreiosEvent("XX", "01", "Objeto extraviado", null, null, null,
                null))).isFalse();
    }

    private static CorreiosEvent event(String codigo, String tipo) {
        return new CorreiosEvent(codigo, tipo, "descrição", null, null, null, null);
    }
}
