package br.com.techassist.shipments.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.TrackingCode;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 27, 9, 0);

    private static List<Parcel> generate(long seed, int count) {
        ScenarioGenerator generator = new ScenarioGenerator(seed);
        return IntStream.range(0, count).mapToObj(i -> generator.generate(START.plusHours(i), null, null)).toList();
    }

    @Test
    void theSameSeedGivesTheSameParcels() {
        List<Parcel> first = generate(42, 50);
        List<Parcel> second = generate(42, 50);

        assertThat(first).extracting(Parcel::trackingCode).isEqualTo(second.stream().map(Parcel::trackingCode).toList());
        assertThat(first).extracting(Parcel::recipient).isEqualTo(second.stream().map(Parcel::recipient).toList());
        assertThat(first).extracting(p -> p.eventsAt(LocalDateTime.MAX))
                .isEqualTo(second.stream().map(p -> p.eventsAt(LocalDateTime.MAX)).toList());
        assertThat(generate(43, 50)).extracting(Parcel::trackingCode)
                .doesNotContainAnyElementsOf(first.stream().map(Parcel::trackingCode).toList());
    }

    @Test
    void trackingCodesAreValidAndUnique() {
        List<Parcel> parcels = generate(7, 2000);

        assertThat(parcels).allSatisfy(p -> assertThat(TrackingCode.isValid(p.trackingCode())).isTrue());
        assertThat(parcels.stream().map(Parcel::trackingCode).distinct()).hasSize(2000);
    }

    @Test
    void everyPhoneSituationAndLifecycleOccursAcrossStatesIncludingAcreAndAmazonas() {
        List<Parcel> parcels = generate(7, 2000);

        Set<PhoneKind> kinds = parcels.stream().map(Parcel::phoneKind).collect(Collectors.toSet());
        assertThat(kinds).isEqualTo(EnumSet.complementOf(EnumSet.of(PhoneKind.GIVEN)));
        Set<Lifecycle> lifecycles = parcels.stream().map(Parcel::lifecycle).collect(Collectors.toSet());
        assertThat(lifecycles).isEqualTo(EnumSet.complementOf(EnumSet.of(Lifecycle.MANUAL)));
        Set<String> ufs = parcels.stream().map(p -> p.recipient().address().uf()).collect(Collectors.toSet());
        assertThat(ufs).contains("AC", "AM", "SP", "RJ", "MG", "BA", "RS");
        long withNinthDigit = parcels.stream().filter(p -> p.phoneKind() == PhoneKind.MOBILE_WITH_NINTH_DIGIT).count();
        assertThat(withNinthDigit).as("most mobiles have an account with the 9").isGreaterThan(parcels.size() / 2);
        assertThat(parcels.stream().filter(Parcel::hasUnknownEventCode)).isNotEmpty();
    }

    @Test
    void theWhatsAppIdMatchesThePhoneSituation() {
        for (Parcel parcel : generate(11, 1000)) {
            Recipient r = parcel.recipient();
            String id = parcel.whatsappId();
            switch (parcel.phoneKind()) {
                case MOBILE_WITH_NINTH_DIGIT -> assertThat(id).isEqualTo("55" + r.dddCelular() + r.celular()).hasSize(13);
                case MOBILE_ACCOUNT_WITHOUT_NINTH_DIGIT -> {
                    assertThat(r.celular()).hasSize(9).startsWith("9");
                    assertThat(id).isEqualTo("55" + r.dddCelular() + r.celular().substring(1)).hasSize(12);
                    assertThat(Integer.parseInt(r.dddCelular())).isGreaterThanOrEqualTo(31);
                }
                case MOBILE_TYPED_WITHOUT_NINTH_DIGIT -> {
                    assertThat(r.celular()).hasSize(8);
                    assertThat(id).isEqualTo("55" + r.dddCelular() + "9" + r.celular());
                }
                case LANDLINE_WITH_WHATSAPP_BUSINESS -> {
                    assertThat(r.celular()).isNull();
                    assertThat(r.telefone()).hasSize(8).matches("[2-5].*");
                    assertThat(id).isEqualTo("55" + r.dddTelefone() + r.telefone());
                }
                case MOBILE_WITHOUT_WHATSAPP -> assertThat(id).isNull();
                case LANDLINE_WITHOUT_WHATSAPP -> assertThat(id).isNull();
                case NO_PHONE -> {
                    assertThat(id).isNull();
                    assertThat(List.of(String.valueOf(r.celular()), String.valueOf(r.telefone()))).containsOnly("null");
                }
                default -> throw new AssertionError(parcel.phoneKind());
            }
        }
    }

    @Test
    void lifecyclesEndWhereTheyShould() {
        for (Parcel parcel : generate(5, 500)) {
            List<TrackingEvent> events = parcel.eventsAt(LocalDateTime.MAX);
            assertThat(events).isSortedAccordingTo(java.util.Comparator.comparing(TrackingEvent::at));
            if (parcel.lifecycle() == Lifecycle.NEVER_POSTED) {
                assertThat(events).isEmpty();
                assertThat(parcel.statusAt(parcel.prePostedAt().plusDays(8))).isEqualTo(PrePostingStatus.EXPIRADO);
                continue;
            }
            assertThat(events.getFirst().codigo()).isEqualTo("PO");
            assertThat(events.getFirst().at()).isAfter(parcel.prePostedAt());
            TrackingEvent last = events.getLast();
            String end = last.codigo() + "/" + last.tipo();
            switch (parcel.lifecycle()) {
                case DELIVERED, FAILED_ATTEMPT_THEN_DELIVERED -> assertThat(end).isEqualTo("BDE/01");
                case PICKUP_COLLECTED -> {
                    assertThat(end).isEqualTo("BDI/01");
                    TrackingEvent pickup = events.stream().filter(e -> e.codigo().equals("LDI")).findFirst().orElseThrow();
                    assertThat(pickup.unidade().endereco().logradouro()).isNotBlank();
                    assertThat(pickup.unidade().endereco().cep()).hasSize(8);
                }
                case RETURNED -> assertThat(end).isEqualTo("BDE/23");
                case STALLED -> assertThat(last.codigo()).isEqualTo("RO");
                case EST_CORRECTION -> {
                    assertThat(end).isEqualTo("BDE/01");
                    assertThat(events).extracting(TrackingEvent::codigo).containsSubsequence("BDE", "EST", "BDE");
                }
                default -> throw new AssertionError(parcel.lifecycle());
            }
            assertThat(parcel.eventsAt(parcel.prePostedAt())).isEmpty();
            assertThat(parcel.statusAt(parcel.prePostedAt())).isEqualTo(PrePostingStatus.PREPOSTADO);
            assertThat(parcel.statusAt(events.getFirst().at())).isEqualTo(PrePostingStatus.POSTADO);
        }
    }
}
