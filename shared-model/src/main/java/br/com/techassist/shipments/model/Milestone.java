package br.com.techassist.shipments.model;

/** Where a parcel is in its life, derived from Correios events (contract). */
public enum Milestone {
    PRE_POSTED,
    POSTED,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERY_FAILED,
    AWAITING_PICKUP,
    DELIVERED,
    RETURNING,
    RETURNED,
    LOST,
    EXCEPTION;

    /** True for milestones after which Correios reports nothing that matters to the customer. */
    public boolean isTerminal() {
        return this == DELIVERED || this == RETURNED || this == LOST;
    }

    /** True for milestones that make the ARRIVED message due. */
    public boolean isArrival() {
        return this == DELIVERED || this == AWAITING_PICKUP;
    }

    /** True for milestones from POSTED onwards, the ones that make SHIPPED due. */
    public boolean isPostedOrLater() {
        return this != PRE_POSTED;
    }
}
