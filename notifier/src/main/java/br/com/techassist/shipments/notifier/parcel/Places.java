package br.com.techassist.shipments.notifier.parcel;

import br.com.techassist.shipments.model.Address;
import br.com.techassist.shipments.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns Correios place data (upper-case city names, unit addresses) into text a customer reads. */
final class Places {

    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    private static final Set<String> LOWER = Set.of("de", "da", "do", "das", "dos", "e", "d");

    private Places() {}

    /** {@code "SAO PAULO"} → {@code "Sao Paulo"}; {@code "APARECIDA DE GOIANIA"} → {@code "Aparecida de Goiania"}. */
    static String city(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] words = raw.strip().toLowerCase(PT_BR).split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                out.append(' ');
            }
            out.append(i > 0 && LOWER.contains(w) ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return out.toString();
    }

    static String state(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Where to collect a parcel: the unit's street address ({@code "Rua X, 100 - Centro, Rio Branco/AC,
     * CEP 69900-000"}), or the unit's name and city when the address is missing; null when nothing is known.
     */
    static String pickupAddress(Unit unit) {
        if (unit == null) {
            return null;
        }
        Address a = unit.address();
        String city = city(a != null && a.city() != null ? a.city() : unit.city());
        String state = state(a != null && a.state() != null ? a.state() : unit.state());
        String cityUf = city == null ? null : state == null ? city : city + "/" + state;
        List<String> parts = new ArrayList<>();
        if (a != null && present(a.street())) {
            String street = title(a.street()) + (present(a.number()) ? ", " + a.number().strip() : "");
            if (present(a.complement())) {
                street += " (" + a.complement().strip() + ")";
            }
            parts.add(present(a.district()) ? street + " - " + title(a.district()) : street);
        } else if (present(unit.name())) {
            parts.add(title(unit.name()));
        }
        if (cityUf != null) {
            parts.add(cityUf);
        }
        if (a != null && present(a.zipCode())) {
            parts.add("CEP " + cep(a.zipCode()));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String title(String raw) {
        return raw.strip().equals(raw.strip().toUpperCase(PT_BR)) ? city(raw) : raw.strip();
    }

    private static String cep(String raw) {
        String digits = raw.replaceAll("\\D", "");
        return digits.length() == 8 ? digits.substring(0, 5) + "-" + digits.substring(5) : raw.strip();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
