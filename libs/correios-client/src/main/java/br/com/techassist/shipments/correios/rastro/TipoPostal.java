package br.com.techassist.shipments.correios.rastro;

/** The postal product of an object (e.g. {@code DG}, {@code ENCOMENDA SEDEX}, {@code SEDEX}). */
public record TipoPostal(String sigla, String descricao, String categoria) {}
