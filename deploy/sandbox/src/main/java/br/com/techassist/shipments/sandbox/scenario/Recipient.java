package br.com.techassist.shipments.sandbox.scenario;

import org.jspecify.annotations.Nullable;

/**
 * A parcel's recipient as the company typed it into the pre-posting ({@code destinatario}).
 * Phone fields are digits exactly as given, or null when absent.
 */
public record Recipient(
        String name,
        @Nullable String dddCelular,
        @Nullable String celular,
        @Nullable String dddTelefone,
        @Nullable String telefone,
        @Nullable String email,
        String cpf,
        Address address) {

    /** A street address ({@code endereco}). */
    public record Address(
            String cep, String logradouro, String numero, String complemento, String bairro, String cidade, String uf) {}
}
