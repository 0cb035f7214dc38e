package br.com.techassist.shipments.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One SRO Rastro event in its wire shape ({@code eventos[]}), plus the simulated instant it
 * becomes visible ({@code dtHrCriado}, Brasília time without offset).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"codigo", "tipo", "dtHrCriado", "descricao", "detalhe", "unidade", "unidadeDestino"})
public record TrackingEvent(
        @JsonIgnore LocalDateTime at,
        String codigo,
        String tipo,
        String descricao,
        @Nullable String detalhe,
        TrackingUnit unidade,
        @Nullable TrackingUnit unidadeDestino) {

    @JsonProperty("dtHrCriado")
    String dtHrCriado() {
        return WireTime.format(at);
    }

    /**
     * A Correios unit ({@code unidade}).
     *
     * @param tipo e.g. "Unidade de Atendimento", "Unidade de Tratamento", "Unidade de Distribuição"
     * @param nome the unit's name, e.g. "AC CENTRAL DE MANAUS"
     * @param endereco its address; a full one on pickup events
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrackingUnit(String tipo, @Nullable String nome, UnitAddress endereco) {}

    /** A unit's address: only city and state, except on pickup units. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitAddress(
            @Nullable String cep,
            @Nullable String logradouro,
            @Nullable String numero,
            @Nullable String bairro,
            String cidade,
            String uf) {

        static UnitAddress city(String cidade, String uf) {
            return new UnitAddress(null, null, null, null, cidade, uf);
        }
    }
}
