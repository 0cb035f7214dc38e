package br.com.techassist.shipments.ingest.intake;

import br.com.techassist.shipments.ingest.registration.MaskedRegistration;
import br.com.techassist.shipments.support.logging.Masking;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What is kept of a rejected pre-posting's raw item (LGPD): its shape (every field name) and the
 * values that say why it was rejected and are no one's personal data (ids, code, service, statuses,
 * dates, contents, invoice, city/UF, DDDs); every other value is masked: names to initials, phones
 * and e-mails as in logs, CPF/CNPJ to its number of digits, anything else (street, number, CEP,
 * notes, unknown fields) to its length.
 */
final class MaskedPrePosting {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Fields whose values are kept as listed. */
    private static final Set<String> KEPT = Set.of("id", "codigoObjeto", "codigoServico", "servico", "statusAtual",
            "descStatusAtual", "dataHoraStatusAtual", "dataHora", "prazoPostagem", "numeroCartaoPostagem",
            "numeroNotaFiscal", "chaveNFe", "logisticaReversa", "conteudo", "quantidade", "valor", "cidade", "uf",
            "dddTelefone", "dddCelular", "ddiTelefone", "ddiCelular");

    private MaskedPrePosting() {}

    /** The masked excerpt of {@code rawJson}, as compact JSON. */
    static String of(String rawJson) {
        JsonNode tree;
        try {
            tree = JSON.readTree(rawJson);
        } catch (JacksonException unreadable) {
            return JSON.writeValueAsString(Map.of("unreadable", Masking.text(rawJson)));
        }
        return JSON.writeValueAsString(masked("", tree));
    }

    private static JsonNode masked(String field, JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (var entry : node.properties()) {
                out.set(entry.getKey(), masked(entry.getKey(), entry.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(masked(field, element)));
            return out;
        }
        if (node.isNull() || node.isBoolean() || KEPT.contains(field)) {
            return node;
        }
        return JsonNodeFactory.instance.stringNode(mask(field, node.asString()));
    }

    private static String mask(String field, String value) {
        String name = field.toLowerCase(Locale.ROOT);
        if (name.contains("nome")) {
            return Masking.name(value);
        }
        if (name.contains("celular") || name.contains("telefone") || name.contains("fone")) {
            return Masking.phone(value);
        }
        if (name.contains("email")) {
            return Masking.email(value);
        }
        if (name.contains("cpf") || name.contains("cnpj") || name.contains("documento")) {
            return MaskedRegistration.document(value);
        }
        return Masking.text(value);
    }
}
