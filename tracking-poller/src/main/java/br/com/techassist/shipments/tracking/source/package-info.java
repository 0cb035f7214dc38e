/** The tracking-source port and its SRO Rastro adapter. */
@NullMarked
package br.com.techassist.shipments.tracking.source;

import org.jspecify.annotations.NullMarked;
