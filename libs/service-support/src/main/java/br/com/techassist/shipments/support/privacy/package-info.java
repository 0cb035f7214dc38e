/**
 * The personal-data lifecycle (LGPD; ARCHITECTURE "Personal data"), the same in every service: a
 * service declares one {@link br.com.techassist.shipments.support.privacy.PersonalDataHolder} (what it
 * holds and how to erase it) and any number of {@link br.com.techassist.shipments.support.privacy.RetentionTask}s
 * (what expires by age); this package erases on {@code shipments.privacy.v1} and confirms through the
 * outbox, runs the retention job under a ShedLock lock, and exposes
 * {@code shipments_personal_data_erasures_total{reason}}, {@code shipments_retention_purged_rows_total{task}},
 * {@code shipments_retention_failures_total{task}} and {@code shipments_personal_data_oldest_seconds}.
 */
@NullMarked
package br.com.techassist.shipments.support.privacy;

import org.jspecify.annotations.NullMarked;
