package br.com.techassist.shipments.sandbox.correios;

import br.com.techassist.shipments.sandbox.scenario.Parcel;
import br.com.techassist.shipments.sandbox.scenario.PrePostingStatus;
import br.com.techassist.shipments.sandbox.scenario.Recipient;
import br.com.techassist.shipments.sandbox.scenario.WireTime;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One pre-posting of {@code GET /prepostagem/v2/prepostagens} ({@code itens[]}), field names as on the wire. */
record PrePostingItem(
        String id,
        String codigoObjeto,
        String codigoServico,
        String servico,
        int statusAtual,
        String descStatusAtual,
        String dataHoraStatusAtual,
        String dataHora,
        String prazoPostagem,
        String numeroCartaoPostagem,
        Person remetente,
        Person destinatario,
        List<Parcel.ContentItem> itensDeclaracaoConteudo,
        @Nullable String numeroNotaFiscal,
        @Nullable String chaveNFe,
        String observacao,
        String pesoInformado,
        String codigoFormatoObjetoInformado,
        String alturaInformada,
        String larguraInformada,
        String comprimentoInformado,
        String logisticaReversa,
        List<Object> historicoStatus) {

    private static final Person SENDER = new Person("TechAssist Assistência Técnica Ltda", null, null, "11", "940000000",
            null, null, "contato@techassist.exemplo.com.br", "12345678000195", null, null,
            new Recipient.Address("04101000", "Rua Domingos de Morais", "1500", "Sala 12", "Vila Mariana", "São Paulo", "SP"));

    /** A {@code remetente} or {@code destinatario}. */
    record Person(
            String nome,
            @Nullable String dddTelefone,
            @Nullable String telefone,
            @Nullable String dddCelular,
            @Nullable String celular,
            @Nullable String ddiTelefone,
            @Nullable String ddiCelular,
            @Nullable String email,
            String cpfCnpj,
            @Nullable String documentoEstrangeiro,
            @Nullable String obs,
            Recipient.Address endereco) {}

    static PrePostingItem of(Parcel parcel, String postcard, LocalDateTime now) {
        Recipient r = parcel.recipient();
        PrePostingStatus status = parcel.statusAt(now);
        Person recipient = new Person(r.name(), r.dddTelefone(), r.telefone(), r.dddCelular(), r.celular(), null, null,
                r.email(), r.cpf(), null, null, r.address());
        return new PrePostingItem(parcel.id(), parcel.trackingCode(), parcel.service().code(),
                parcel.service().label(), status.code(), status.description(),
                WireTime.format(parcel.statusSince(now)), WireTime.format(parcel.prePostedAt()),
                parcel.prePostedAt().toLocalDate().plusDays(14).toString(), postcard, SENDER, recipient,
                parcel.contents(), parcel.invoiceNumber(), null, parcel.note(), String.valueOf(parcel.weightGrams()),
                "2", "12", "25", "35", "N", List.of());
    }
}
