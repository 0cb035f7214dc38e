package br.com.techassist.shipments.support.deadletter;

import java.util.List;

/** A page of dead-letter records, oldest first within each topic and partition; {@code total} counts them all. */
public record DeadLetterPage(List<String> topics, int page, int size, long total, List<DeadLetter> records) {}
