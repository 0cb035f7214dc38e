/**
 * tracking-poller's part of the personal-data lifecycle (LGPD): it owns each parcel's lifecycle, so
 * it asks every service to erase a finished parcel's personal data once {@code PII_RETENTION} has
 * passed; it holds no personal data itself.
 */
@NullMarked
package br.com.techassist.shipments.tracking.privacy;

import org.jspecify.annotations.NullMarked;
