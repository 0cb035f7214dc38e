package br.com.techassist.shipments.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.notifier.TestParcels;
import br.com.techassist.shipments.notifier.TestProperties;
import br.com.techassist.shipments.notifier.provider.OutgoingMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageComposerTest {

    private static final String LINK = "https://rastreamento.correios.com.br/app/index.php?objeto=DG049186226BR";
    private final MessageComposer composer = new MessageComposer(TestProperties.defaults());

    @Test
    void shippedMessageReadsNaturallyWithEveryDetail() {
        OutgoingMessage m = composer.compose("id-1", NotificationKind.SHIPPED, TestParcels.complete(null, null));

        assertThat(m.text()).isEqualTo("Olá, Maria! Sua encomenda (Notebook Dell Inspiron 15) foi postada nos Correios em"
                + " Sao Paulo/SP e já está a caminho. Código de rastreio: DG049186226BR. Acompanhe: " + LINK);
        assertThat(m.to()).isEqualTo("5568999990001");
        assertThat(m.template()).isEqualTo("envio_postado");
        assertThat(m.language()).isEqualTo("pt_BR");
        assertThat(m.parameters()).containsExactly("Maria", "Notebook Dell Inspiron 15", "DG049186226BR", "Sao Paulo/SP", LINK);
    }

    @Test
    void arrivedMessageNamesTheDeliveryCity() {
        OutgoingMessage m = composer.compose("id-2", NotificationKind.ARRIVED,
                TestParcels.complete(Milestone.DELIVERED, null));

        assertThat(m.text()).isEqualTo("Olá, Maria! Sua encomenda (Notebook Dell Inspiron 15) foi entregue em Xapuri/AC."
                + " Código de rastreio: DG049186226BR. Detalhes: " + LINK);
        assertThat(m.template()).isEqualTo("envio_entregue");
        assertThat(m.parameters()).containsExactly("Maria", "Notebook Dell Inspiron 15", "DG049186226BR", "Xapuri/AC", LINK);
    }

    @Test
    void arrivedForPickupSaysWhereToCollect() {
        OutgoingMessage m = composer.compose("id-3", NotificationKind.ARRIVED, TestParcels.complete(
                Milestone.AWAITING_PICKUP, "Rua Coronel Brandao, 123 - Centro, Xapuri/AC, CEP 69930-000"));

        assertThat(m.text()).isEqualTo("Olá, Maria! Sua encomenda (Notebook Dell Inspiron 15) chegou e está aguardando"
                + " retirada em Rua Coronel Brandao, 123 - Centro, Xapuri/AC, CEP 69930-000. Leve um documento com foto e o"
                + " código de rastreio DG049186226BR. Acompanhe: " + LINK);
        assertThat(m.template()).isEqualTo("envio_aguardando_retirada");
        assertThat(m.parameters()).contains("Rua Coronel Brandao, 123 - Centro, Xapuri/AC, CEP 69930-000");
    }

    @Test
    void missingOptionalDataIsLeftOutNeverPrintedAsNull() {
        OutgoingMessage shipped = composer.compose("id-4", NotificationKind.SHIPPED, TestParcels.bare(null));
        OutgoingMessage arrived = composer.compose("id-5", NotificationKind.ARRIVED, TestParcels.bare(Milestone.DELIVERED));
        OutgoingMessage pickup = composer.compose("id-6", NotificationKind.ARRIVED, TestParcels.bare(Milestone.AWAITING_PICKUP));

        assertThat(shipped.text()).isEqualTo("Olá! Sua encomenda foi postada nos Correios e já está a caminho."
                + " Código de rastreio: DG049186226BR. Acompanhe: " + LINK);
        assertThat(arrived.text()).isEqualTo("Olá! Sua encomenda foi entregue. Código de rastreio: DG049186226BR."
                + " Detalhes: " + LINK);
        assertThat(pickup.text()).isEqualTo("Olá! Sua encomenda chegou e está aguardando retirada. Leve um documento com"
                + " foto e o código de rastreio DG049186226BR. Acompanhe: " + LINK);
        assertThat(shipped.parameters()).containsExactly("cliente", "sua encomenda", "DG049186226BR", "Correios", LINK)
                .noneMatch(p -> p.isBlank() || p.contains("null"));
        assertThat(pickup.parameters()).noneMatch(p -> p.isBlank() || p.contains("null"));
    }

    @Test
    void textsAndLinkAreConfigurable() {
        var props = TestProperties.of(Map.of(
                "notifier.messages.shipped", "Oi[ {firstName}], {trackingCode} saiu[ de {origin}] {unknown}: {link}",
                "notifier.tracking-link", "https://example.com/t/{code}"));
        OutgoingMessage m = new MessageComposer(props).compose("id", NotificationKind.SHIPPED, TestParcels.bare(null));

        assertThat(m.text()).isEqualTo("Oi, DG049186226BR saiu: https://example.com/t/DG049186226BR");
    }
}
