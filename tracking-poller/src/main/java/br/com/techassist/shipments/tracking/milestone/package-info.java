/** The versioned mapping from SRO events to milestones, and the derivation of milestone changes. */
@NullMarked
package br.com.techassist.shipments.tracking.milestone;

import org.jspecify.annotations.NullMarked;
