/**
 * Dead-letter topics an operator can act on, in every service that turns them on
 * ({@code shipments.dead-letters.enabled=true}, with the audit trail on and
 * {@code db/changelog/dead-letter/001-dead-letter-replay.yaml} included):
 * {@code GET /api/dead-letters} lists the records of the {@code <topic>.dlt} topics of the topics this
 * service consumes (operator or auditor; payloads never shown, exception messages masked),
 * {@code POST /api/dead-letters/replay} republishes chosen records to their original topic (operator;
 * recorded in {@code dead_letter_replay}, refused a second time unless forced, audited), and the gauge
 * {@code shipments_dead_letters_waiting{topic}} counts what is waiting, from the broker's offsets.
 */
@NullMarked
package br.com.techassist.shipments.support.deadletter;

import org.jspecify.annotations.NullMarked;
