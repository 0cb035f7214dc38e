package br.com.techassist.shipments.correios.prepostagem;

import br.com.techassist.shipments.correios.CorreiosGateway;
import br.com.techassist.shipments.correios.CorreiosJson;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Pré-Postagem listing: {@code GET /prepostagem/v2/prepostagens}, one page at a time. */
public class PrePostagemClient {

    /** Page size the listing is requested with unless told otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final CorreiosGateway gateway;

    public PrePostagemClient(CorreiosGateway gateway) {
        this.gateway = gateway;
    }

    /** A {@code msgs[]} entry of the API's own "nothing found" answer, e.g. {@code PPN-011: Nenhuma pré-postagem encontrada…}. */
    private static final Pattern NOTHING_FOUND = Pattern.compile(
            "^PPN-\\d+:.*(nenhum|n[ãa]o (foi |foram )?encontrad)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Page {@code page} (0-based) of the pre-postings matching {@code query}. Each item is parsed on
     * its own; a 404 is an empty last page only when it is the API's own "nothing found" answer
     * ({@link #isNothingFound}); any other 404 throws.
     *
     * @throws br.com.techassist.shipments.correios.CorreiosException when Correios cannot be read, also
     *     for a 404 that is not the API's "nothing found" answer
     */
    public PrePostagemPage page(PrePostagemQuery query, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        return gateway.find("prepostagem", uri -> {
                    uri.path("/prepostagem/v2/prepostagens")
                            .queryParam("status", query.status().name());
                    if (query.from() != null) {
                        uri.queryParam("dataInicialCriacaoPrePostagem", query.from())
                                .queryParam("dataFinalCriacaoPrePostagem", query.to());
                    }
                    return uri.queryParam("page", page).queryParam("size", size).build();
                }, PrePostagemClient::isNothingFound)
                .map(body -> toPage(body, page))
                .orElseGet(() -> PrePostagemPage.empty(page));
    }

    /**
     * True for the Pré-Postagem API's own "nothing found" 404: a JSON body that is a page ({@code itens}
     * array) or a Correios error body whose {@code msgs[]} holds a {@code PPN-nnn} message saying
     * nothing was found. A gateway error ({@code GTW-…}), another JSON or a non-JSON body is not.
     */
    static boolean isNothingFound(byte[] body) {
        JsonNode root;
        try {
            root = CorreiosJson.mapper().readTree(body);
        } catch (JacksonException notJson) {
            return false;
        }
        if (root == null || !root.isObject()) {
            return false;
        }
        if (root.path("itens").isArray()) {
            return true;
        }
        for (JsonNode message : root.path("msgs")) {
            if (message.isString() && NOTHING_FOUND.matcher(message.asString()).find()) {
                return true;
            }
        }
        return false;
    }

    private PrePostagemPage toPage(JsonNode body, int page) {
        List<PrePostagemEntry> entries = new ArrayList<>();
        for (JsonNode item : body.path("itens")) {
            entries.add(entry(item));
        }
        JsonNode info = body.path("page");
        boolean next = info.path("next").asBoolean(false);
        return new PrePostagemPage(entries, info.path("number").asInt(page), next);
    }

    private PrePostagemEntry entry(JsonNode item) {
        String raw = gateway.json().writeValueAsString(item);
        if (!item.isObject()) {
            return new PrePostagemEntry(raw, null, null, null, "item is not a JSON object");
        }
        String id = text(item.get("id"));
        String code = text(item.get("codigoObjeto"));
        try {
            return new PrePostagemEntry(raw, id, code, gateway.json().treeToValue(item, PrePostagem.class), null);
        } catch (JacksonException e) {
            return new PrePostagemEntry(raw, id, code, null, e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asString();
    }
}
