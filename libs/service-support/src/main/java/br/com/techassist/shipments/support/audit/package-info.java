/**
 * The audit trail: every change made through the API is recorded (who, when, what, masked before and
 * after, request id) in the service's own {@code audit_record} table, logged, and readable through
 * {@code GET /api/audit?trackingCode=…} by operators and auditors. On with {@code shipments.audit.enabled=true}
 * and the changelog {@code db/changelog/audit/001-audit-record.yaml} included.
 */
@NullMarked
package br.com.techassist.shipments.support.audit;

import org.jspecify.annotations.NullMarked;
