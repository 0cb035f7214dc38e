package br.com.techassist.shipments.model;

import java.time.OffsetDateTime;

/** The SRO Rastro event that caused a milestone change: {@code code} and {@code type} as Correios sends them. */
public record CorreiosEvent(
        String code, String type, String description, String detail, OffsetDateTime occurredAt, Unit unit, Unit destinationUnit) {}
