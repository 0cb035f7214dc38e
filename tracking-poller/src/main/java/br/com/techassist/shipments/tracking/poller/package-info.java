/** Tracked objects, their schedule, the polling cycle and the instance's share of the work. */
@NullMarked
package br.com.techassist.shipments.tracking.poller;

import org.jspecify.annotations.NullMarked;
