package br.com.techassist.shipments.ingest.intake;

import br.com.techassist.shipments.correios.prepostagem.PrePostagem;
import br.com.techassist.shipments.correios.prepostagem.PrePostagemEntry;
import br.com.techassist.shipments.ingest.intake.Rejection.Reason;
import br.com.techassist.shipments.model.Address;
import br.com.techassist.shipments.model.ContentItem;
import br.com.techassist.shipments.model.InvalidTrackingCodeException;
import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.Recipient;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.TrackingCode;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns a listed pre-posting into a {@link ShipmentRegistered}, or says why it cannot. */
final class PrePostingMapper {

    private PrePostingMapper() {}

    /**
     * Either {@code event} or {@code rejection} is set; {@code document} is the recipient's CPF/CNPJ
     * as listed (not part of the event: only its keyed hash is kept, in the erasure index).
     */
    record Mapped(@Nullable ShipmentRegistered event, @Nullable Rejection rejection, @Nullable String document) {}

    static Mapped map(PrePostagemEntry entry, OffsetDateTime now) {
        PrePostagem item = entry.item();
        if (item == null) {
            return rejected(Reason.UNPARSEABLE, entry.parseError());
        }
        if (blank(item.codigoObjeto())) {
            return rejected(Reason.MISSING_CODE, "codigoObjeto is missing");
        }
        TrackingCode code;
        try {
            code = TrackingCode.parse(item.codigoObjeto());
        } catch (InvalidTrackingCodeException e) {
            return rejected(Reason.INVALID_CODE, e.getMessage());
        }
        PrePostagem.Pessoa to = item.destinatario();
        if (to == null || blank(to.nome())) {
            return rejected(Reason.NO_RECIPIENT, to == null ? "destinatario is missing" : "destinatario.nome is empty");
        }
        return new Mapped(new ShipmentRegistered(ShipmentRegistered.idFor(code.value()), now, code.value(),
                ShipmentRegistered.Source.PRE_POSTING, item.id(), item.codigoServico(), item.servico(),
                recipient(to), contents(item.itensDeclaracaoConteudo()), trimmed(item.numeroNotaFiscal()),
                trimmed(item.observacao())), null, trimmed(to.cpfCnpj()));
    }

    private static Recipient recipient(PrePostagem.Pessoa p) {
        PrePostagem.Endereco e = p.endereco();
        Address address = e == null ? null
                : new Address(trimmed(e.logradouro()), trimmed(e.numero()), trimmed(e.complemento()),
                        trimmed(e.bairro()), trimmed(e.cidade()), trimmed(e.uf()), trimmed(e.cep()));
        return new Recipient(p.nome().strip(), phone(p.dddCelular(), p.celular()),
                phone(p.dddTelefone(), p.telefone()), trimmed(p.email()), address);
    }

    private static @Nullable Phone phone(@Nullable String ddd, @Nullable String number) {
        return blank(number) ? null : new Phone(trimmed(ddd), number.strip());
    }

    private static List<ContentItem> contents(List<PrePostagem.ItemDeclaracaoConteudo> items) {
        return items.stream().map(i -> new ContentItem(trimmed(i.conteudo()), i.quantidade(), i.valor())).toList();
    }

    private static Mapped rejected(Reason reason, @Nullable String detail) {
        return new Mapped(null, new Rejection(reason, detail == null ? reason.name() : detail), null);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String trimmed(@Nullable String s) {
        return blank(s) ? null : s.strip();
    }
}
