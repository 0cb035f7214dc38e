package br.com.techassist.shipments.notifier.message;

import br.com.techassist.shipments.model.Milestone;
import br.com.techassist.shipments.model.NotificationKind;
import br.com.techassist.shipments.notifier.NotifierProperties;
import br.com.techassist.shipments.notifier.parcel.Parcel;
import br.com.techassist.shipments.notifier.provider.OutgoingMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Builds the pt-BR message of a kind from a parcel: the text (configurable per kind, with a variant
 * for parcels waiting for pickup) and the Cloud API template with its body parameters.
 */
@Component
public class MessageComposer {

    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    /** Template parameters may not be empty (Cloud API error 100): what stands in for missing data. */
    private static final Map<String, String> TEMPLATE_FALLBACKS = Map.of(
            "firstName", "cliente",
            "product", "sua encomenda",
            "origin", "Correios",
            "destination", "seu endereço",
            "pickupAddress", "agência dos Correios indicada no rastreio");

    private final NotifierProperties props;

    public MessageComposer(NotifierProperties props) {
        this.props = props;
    }

    public OutgoingMessage compose(String notificationId, NotificationKind kind, Parcel parcel) {
        Map<String, String> values = values(parcel);
        var messages = props.messages();
        var templates = props.whatsapp().templates();
        boolean pickup = kind == NotificationKind.ARRIVED && parcel.arrivalMilestone() == Milestone.AWAITING_PICKUP;
        String text;
        String template;
        String language;
        List<String> parameterNames;
        if (kind == NotificationKind.SHIPPED) {
            text = messages.shipped();
            template = templates.shipped();
            language = templates.shippedLanguage();
            parameterNames = templates.shippedParameters();
        } else if (pickup) {
            text = messages.arrivedPickup();
            template = templates.arrivedPickup();
            language = templates.arrivedPickupLanguage();
            parameterNames = templates.arrivedPickupParameters();
        } else {
            text = messages.arrived();
            template = templates.arrived();
            language = templates.arrivedLanguage();
            parameterNames = templates.arrivedParameters();
        }
        List<String> parameters = new ArrayList<>();
        for (String name : parameterNames) {
            String value = values.get(name.strip());
            parameters.add(value == null || value.isBlank() ? TEMPLATE_FALLBACKS.getOrDefault(name.strip(), "-") : value);
        }
        return new OutgoingMessage(notificationId, parcel.trackingCode(), kind, parcel.sendTo(),
                MessageTemplate.render(text, values), template, language, parameters);
    }

    Map<String, String> values(Parcel p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("firstName", firstName(p.recipientName()));
        v.put("product", p.product());
        v.put("trackingCode", p.trackingCode());
        v.put("origin", place(p.originCity(), p.originState()));
        v.put("destination", place(p.arrivalCity(), p.arrivalState()));
        v.put("pickupAddress", p.pickupAddress());
        v.put("link", props.trackingLink().replace("{code}", p.trackingCode()));
        return v;
    }

    /** {@code "MARIA DA SILVA"} → {@code "Maria"}. */
    static String firstName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return null;
        }
        String first = fullName.strip().split("\\s+")[0].toLowerCase(PT_BR);
        if (first.isEmpty() || !Character.isLetter(first.charAt(0))) {
            return null;
        }
        return Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }

    private static String place(String city, String state) {
        if (city == null) {
            return null;
        }
        return state == null ? city : city + "/" + state;
    }
}
