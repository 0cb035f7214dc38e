package br.com.techassist.shipments.phone.contact;

import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.Recipient;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.model.TrackingCode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Registrations for tests: topics are shared by every test class of a JVM, so each parcel gets its own code. */
final class TestParcels {

    private TestParcels() {}

    /** A random tracking code with a correct check digit, e.g. {@code PV12345678?BR}. */
    static String newTrackingCode(String letters) {
        String serial = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return new TrackingCode(letters + serial + TrackingCode.checkDigit(serial) + "BR").value();
    }

    static ShipmentRegistered registration(String code, Phone mobile, Phone landline) {
        return new ShipmentRegistered(ShipmentRegistered.idFor(code), OffsetDateTime.now(), code,
                ShipmentRegistered.Source.MANUAL, null, "03220", "SEDEX",
                new Recipient("Maria Souza", mobile, landline, null, null), List.of(), null, null);
    }
}
