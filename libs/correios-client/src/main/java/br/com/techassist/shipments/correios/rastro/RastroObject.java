package br.com.techassist.shipments.correios.rastro;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One tracked object. {@code mensagem} is set instead of events for unknown or invalid codes
 * (e.g. {@code SRO-020: Objeto não encontrado...}); {@code eventos} is never null and keeps the
 * order Correios sent (newest first).
 */
public record RastroObject(
        String codObjeto,
        String mensagem,
        TipoPostal tipoPostal,
        OffsetDateTime dtPrevista,
        List<RastroEvent> eventos) {

    public RastroObject {
        eventos = eventos == null ? List.of() : List.copyOf(eventos);
    }
}
