package br.com.techassist.shipments.correios.rastro;

import java.time.OffsetDateTime;

/** One tracking event, keyed by ({@code codigo}, {@code tipo}). */
public record RastroEvent(
        String codigo,
        String tipo,
        OffsetDateTime dtHrCriado,
        String descricao,
        String detalhe,
        RastroUnit unidade,
        RastroUnit unidadeDestino) {}
