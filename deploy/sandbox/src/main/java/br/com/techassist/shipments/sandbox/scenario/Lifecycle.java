package br.com.techassist.shipments.sandbox.scenario;

import br.com.techassist.shipments.model.Milestone;
import org.jspecify.annotations.Nullable;

/** How a parcel's Correios story unfolds, with what the system should conclude from it. */
public enum Lifecycle {
    /** Posted, in transit, out for delivery, delivered. */
    DELIVERED(Milestone.DELIVERED, true, true),
    /** Waits at a post office for pickup (where to collect it is in the event), then collected. */
    PICKUP_COLLECTED(Milestone.DELIVERED, true, true),
    /** A failed delivery attempt, then delivered on the next day. */
    FAILED_ATTEMPT_THEN_DELIVERED(Milestone.DELIVERED, true, true),
    /** Recipient unknown at the address: sent back and returned to the sender. */
    RETURNED(Milestone.RETURNED, true, false),
    /** Posted and moving, then Correios reports nothing more. */
    STALLED(Milestone.IN_TRANSIT, true, false),
    /** A wrong "not delivered" event retracted by an EST correction, then delivered. */
    EST_CORRECTION(Milestone.DELIVERED, true, true),
    /** Pre-posted but never posted: tracking answers SRO-020 and the pre-posting expires. */
    NEVER_POSTED(Milestone.PRE_POSTED, false, false),
    /** Only what the admin API adds. */
    MANUAL(null, false, false);

    private final @Nullable Milestone finalMilestone;
    private final boolean ships;
    private final boolean arrives;

    Lifecycle(@Nullable Milestone finalMilestone, boolean ships, boolean arrives) {
        this.finalMilestone = finalMilestone;
        this.ships = ships;
        this.arrives = arrives;
    }

    /** The milestone the parcel ends at; null for {@link #MANUAL}. */
    public @Nullable Milestone finalMilestone() {
        return finalMilestone;
    }

    /** True when the parcel reaches POSTED or later (SHIPPED due for a WhatsApp recipient). */
    public boolean ships() {
        return ships;
    }

    /** True when the parcel is delivered or waits for pickup (ARRIVED due for a WhatsApp recipient). */
    public boolean arrives() {
        return arrives;
    }
}
