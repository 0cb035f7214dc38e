package br.com.techassist.shipments.correios.rastro;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/** The SRO Rastro answer; {@code resultado} is read from {@code resultado} or {@code tipoResultado}. */
public record RastroResponse(
        String versao, Integer quantidade, @JsonAlias("tipoResultado") String resultado, List<RastroObject> objetos) {

    public RastroResponse {
        objetos = objetos == null ? List.of() : List.copyOf(objetos);
    }
}
