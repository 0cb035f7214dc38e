package br.com.techassist.shipments.support.privacy;

import java.time.Instant;

/**
 * One kind of stored data that expires by age (expired WhatsApp lookups, raw rejected pre-postings,
 * audit records, …). service-support's retention job calls every such bean on its schedule, under
 * a ShedLock lock, in bounded batches until a call purges fewer rows than asked, and counts what was
 * purged in {@code shipments_retention_purged_rows_total{task}}.
 */
public interface RetentionTask {

    /** A short, stable name for logs and the metric's {@code task} tag, e.g. {@code whatsapp_lookup}. */
    String name();

    /**
     * Deletes (or anonymises) at most {@code limit} rows whose time has come at {@code now}, in one
     * short transaction (no long table locks).
     *
     * @return how many rows were purged; fewer than {@code limit} ends this run of the task
     */
    int purge(Instant now, int limit);
}
