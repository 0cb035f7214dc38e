package br.com.techassist.shipments.correios.rastro;

/** A Correios unit (agency, sorting centre, country for international items). */
public record RastroUnit(String tipo, String nome, String codSro, RastroAddress endereco) {}
