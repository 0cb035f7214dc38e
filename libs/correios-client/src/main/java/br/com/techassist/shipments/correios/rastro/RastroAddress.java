package br.com.techassist.shipments.correios.rastro;

/** A unit's address; pickup events (LDI) carry the full address. */
public record RastroAddress(
        String logradouro, String numero, String complemento, String bairro, String cidade, String uf, String cep) {}
