package br.com.techassist.shipments.ingest.registration;

import br.com.techassist.shipments.model.Phone;
import br.com.techassist.shipments.model.ShipmentRegistered;
import br.com.techassist.shipments.support.logging.Masking;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A registration as operators, auditors and alerts may see it: the personal data (name, phones,
 * e-mail, notes) masked, the address reduced to city/UF, the rest (source, service, contents, invoice) as is.
 */
public final class MaskedRegistration {

    private MaskedRegistration() {}

    public static Map<String, Object> of(ShipmentRegistered event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("source", event.source().name());
        view.put("prePostingId", event.prePostingId());
        view.put("serviceCode", event.serviceCode());
        var r = event.recipient();
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("name", Masking.name(r.name()));
        recipient.put("mobile", phone(r.mobile()));
        recipient.put("landline", phone(r.landline()));
        recipient.put("email", r.email() == null ? null : Masking.email(r.email()));
        recipient.put("address", r.address() == null ? null : r.address().city() + "/" + r.address().state());
        view.put("recipient", recipient);
        view.put("contents", event.contents());
        view.put("invoiceNumber", event.invoiceNumber());
        view.put("notes", event.notes() == null ? null : Masking.text(event.notes()));
        return view;
    }

    /** Masks a CPF/CNPJ (or any document number): only how many digits it has, e.g. {@code *(11 digits)}. */
    public static String document(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return "-";
        }
        return "*(" + raw.replaceAll("\\D", "").length() + " digits)";
    }

    private static @Nullable String phone(@Nullable Phone phone) {
        return phone == null ? null : Masking.phone(phone.areaCode() + phone.number());
    }
}
