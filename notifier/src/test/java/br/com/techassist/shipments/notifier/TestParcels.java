package br.com.techassist.shipments.notifier;

import br.com.techassist.shipments.model.ContactValidated.ContactStatus;
import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.notifier.parcel.Parcel;
import java.time.Instant;

/** Parcels for unit tests. */
public final class TestParcels {

    private TestParcels() {}

    /** A parcel with every field known. */
    public static Parcel complete(Milestone arrival, String pickupAddress) {
        return new Parcel("DG049186226BR", "MARIA DA SILVA", "Notebook Dell Inspiron 15", ContactStatus.VALID,
                Instant.parse("2026-11-20T12:00:00Z"), "+5568999990001", "5568999990001", "Sao Paulo", "SP", true,
                Instant.parse("2026-11-20T13:00:00Z"), Instant.parse("2026-11-20T13:00:00Z"), arrival,
                arrival == null ? null : "Xapuri", arrival == null ? null : "AC", pickupAddress,
                arrival == null ? null : Instant.parse("2026-11-25T13:00:00Z"), null);
    }

    /** A parcel of which only the tracking code, the contact and the milestones are known. */
    public static Parcel bare(Milestone arrival) {
        return new Parcel("DG049186226BR", null, null, ContactStatus.VALID, Instant.parse("2026-11-20T12:00:00Z"),
                "+5568999990001", "5568999990001", null, null, false, null, Instant.parse("2026-11-20T13:00:00Z"),
                arrival, null, null, null, arrival == null ? null : Instant.parse("2026-11-25T13:00:00Z"), null);
    }
}
