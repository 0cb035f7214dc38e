package br.com.techassist.shipments.correios.prepostagem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One item of the Pré-Postagem listing, as Correios sends it (unknown fields ignored).
 * {@code statusAtual} is numeric (see {@link PrePostagemStatus#ofCode}).
 */
public record PrePostagem(
        String id,
        String codigoObjeto,
        String codigoServico,
        String servico,
        Integer statusAtual,
        String descStatusAtual,
        OffsetDateTime dataHoraStatusAtual,
        OffsetDateTime dataHora,
        LocalDate prazoPostagem,
        String numeroCartaoPostagem,
        Pessoa remetente,
        Pessoa destinatario,
        List<ItemDeclaracaoConteudo> itensDeclaracaoConteudo,
        String numeroNotaFiscal,
        String chaveNFe,
        String observacao,
        String logisticaReversa) {

    public PrePostagem {
        itensDeclaracaoConteudo = itensDeclaracaoConteudo == null ? List.of() : List.copyOf(itensDeclaracaoConteudo);
    }

    /** Sender or recipient. */
    public record Pessoa(
            String nome,
            String dddTelefone,
            String telefone,
            String dddCelular,
            String celular,
            String ddiTelefone,
            String ddiCelular,
            String email,
            String cpfCnpj,
            String obs,
            Endereco endereco) {}

    /** A postal address. */
    public record Endereco(
            String cep, String logradouro, String numero, String complemento, String bairro, String cidade, String uf) {}

    /** One line of the declaração de conteúdo. */
    public record ItemDeclaracaoConteudo(String conteudo, Integer quantidade, java.math.BigDecimal valor) {}
}
