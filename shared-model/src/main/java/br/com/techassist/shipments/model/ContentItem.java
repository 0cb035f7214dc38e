package br.com.techassist.shipments.model;

import java.math.BigDecimal;

/** One line of the declaração de conteúdo. */
public record ContentItem(String description, Integer quantity, BigDecimal value) {}
