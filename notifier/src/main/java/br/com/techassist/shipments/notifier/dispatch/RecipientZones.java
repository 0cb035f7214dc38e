package br.com.techassist.shipments.notifier.dispatch;

import java.time.ZoneId;
import java.util.Map;

/**
 * The recipient's time zone from the DDD of a Brazilian number: Acre (68) is UTC−5; Amazonas (92,
 * 97), Mato Grosso (65, 66), Mato Grosso do Sul (67), Rondônia (69) and Roraima (95) are UTC−4; every
 * other DDD (and any non-Brazilian number) uses Brasília time.
 */
final class RecipientZones {

    static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    private static final Map<String, ZoneId> BY_DDD = Map.of(
            "68", ZoneId.of("America/Rio_Branco"),
            "92", ZoneId.of("America/Manaus"),
            "97", ZoneId.of("America/Manaus"),
            "65", ZoneId.of("America/Cuiaba"),
            "66", ZoneId.of("America/Cuiaba"),
            "67", ZoneId.of("America/Campo_Grande"),
            "69", ZoneId.of("America/Porto_Velho"),
            "95", ZoneId.of("America/Boa_Vista"));

    private RecipientZones() {}

    static ZoneId of(String phone) {
        String ddd = ddd(phone);
        return ddd == null ? BRASILIA : BY_DDD.getOrDefault(ddd, BRASILIA);
    }

    static String ddd(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("55") && digits.length() >= 12) {
            return digits.substring(2, 4);
        }
        if (digits.length() == 10 || digits.length() == 11) {
            return digits.substring(0, 2);
        }
        return null;
    }
}
